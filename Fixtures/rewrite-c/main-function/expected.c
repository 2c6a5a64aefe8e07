int main(int argc, char **argv) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("main", INSTSWIFT_SPAN_INTERNAL, "main", "input.c", 1); instswift_span_set_int(instswift_span_0, "process.argc", (long long)(argc)); /*</instswift>*/
    (void)argv;
    return argc > 1 ? 1 : 0;
}

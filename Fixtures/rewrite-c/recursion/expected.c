unsigned long factorial(unsigned n) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("factorial", INSTSWIFT_SPAN_INTERNAL, "factorial", "input.c", 1); instswift_span_set_int(instswift_span_0, "n", (long long)(n)); /*</instswift>*/
    return n <= 1 ? 1 : n * factorial(n - 1);
}

int later(int);

int first(void) {
    return later(1);
}

int later(int value) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("later", INSTSWIFT_SPAN_INTERNAL, "later", "input.c", 7); /*</instswift>*/
    return value + 41;
}

int add(int a, int b) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("add", INSTSWIFT_SPAN_INTERNAL, "add", "input.c", 1); /*</instswift>*/
    return a + b;
}

int classify(int value) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("classify", INSTSWIFT_SPAN_INTERNAL, "classify", "input.c", 1); /*</instswift>*/
    if (value < 0) {
        return -1;
    }
    if (value == 0)
        return 0;
    return 1;
}

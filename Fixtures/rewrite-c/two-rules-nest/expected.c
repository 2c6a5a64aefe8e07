int process(int input) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("process", INSTSWIFT_SPAN_INTERNAL, "process", "input.c", 1); __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_1 = instswift_span_begin("inner.process", INSTSWIFT_SPAN_INTERNAL, "process", "input.c", 1); /*</instswift>*/
    return input * 3;
}

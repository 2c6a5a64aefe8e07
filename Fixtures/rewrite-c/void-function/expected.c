static int counter;

void reset(void) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("reset", INSTSWIFT_SPAN_INTERNAL, "reset", "input.c", 3); /*</instswift>*/
    counter = 0;
}

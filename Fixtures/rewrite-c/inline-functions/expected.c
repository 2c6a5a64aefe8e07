static inline int square(int x) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("square", INSTSWIFT_SPAN_INTERNAL, "square", "input.c", 1); /*</instswift>*/
    return x * x;
}

int sum_of_squares(int a, int b) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_1 = instswift_span_begin("sum_of_squares", INSTSWIFT_SPAN_INTERNAL, "sum_of_squares", "input.c", 5); /*</instswift>*/
    return square(a) + square(b);
}

static int helper_double(int x) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("helper_double", INSTSWIFT_SPAN_INTERNAL, "helper_double", "input.c", 1); /*</instswift>*/
    return 2 * x;
}

int use_helper(int x) {
    return helper_double(x) + 1;
}

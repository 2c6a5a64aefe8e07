int compute(int x)
{/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("compute", INSTSWIFT_SPAN_INTERNAL, "compute", "input.c", 1); /*</instswift>*/
    int y = x * x;
    return y - x;
}

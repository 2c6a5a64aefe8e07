int difference(a, b)
    int a;
    int b;
{/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("difference", INSTSWIFT_SPAN_INTERNAL, "difference", "input.c", 1); instswift_span_set_int(instswift_span_0, "left", (long long)(a)); /*</instswift>*/
    return a - b;
}

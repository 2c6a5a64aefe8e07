struct point { int x, y; };

struct point make_point(int x, int y) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("make_point", INSTSWIFT_SPAN_INTERNAL, "make_point", "input.c", 3); /*</instswift>*/
    struct point p = { x, y };
    return p;
}

int *make_slot(int *slots, int index) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_1 = instswift_span_begin("make_slot", INSTSWIFT_SPAN_INTERNAL, "make_slot", "input.c", 8); /*</instswift>*/
    return &slots[index];
}

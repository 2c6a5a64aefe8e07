struct rect { int width, height; };

double area(struct rect rect, double factor) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("area", INSTSWIFT_SPAN_INTERNAL, "area", "input.c", 3); /*</instswift>*/
    return rect.width * rect.height * factor;
}

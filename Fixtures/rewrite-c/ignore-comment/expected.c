// instswift:ignore -- hot path, measured
int fast(int x) {
    return x + 1;
}

int slow(int x) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("slow", INSTSWIFT_SPAN_INTERNAL, "slow", "input.c", 6); /*</instswift>*/
    return x - 1;
}

#include <stdbool.h>
#include <stddef.h>

enum color { RED, GREEN };

int record(bool flag, enum color color, unsigned long long big, size_t size) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("record", INSTSWIFT_SPAN_INTERNAL, "record", "input.c", 6); instswift_span_set_int(instswift_span_0, "flag", (long long)(flag)); instswift_span_set_int(instswift_span_0, "color", (long long)(color)); instswift_span_set_int(instswift_span_0, "big", (long long)(big)); instswift_span_set_int(instswift_span_0, "size", (long long)(size)); /*</instswift>*/
    return flag ? (int)color + (int)(big % 7) + (int)size : 0;
}

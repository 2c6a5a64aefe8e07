#include <stdio.h>

void greet(const char *name, unsigned char times) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("greet", INSTSWIFT_SPAN_INTERNAL, "greet", "input.c", 3); instswift_span_set_string(instswift_span_0, "greet.name", name); instswift_span_set_int(instswift_span_0, "greet.times", (long long)(times)); /*</instswift>*/
    for (unsigned char i = 0; i < times; i++) printf("hello %s\n", name);
}

#include <stdlib.h>

long parse_number(const char *text) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("c.CFixture.parse_number", INSTSWIFT_SPAN_INTERNAL, "parse_number", "input.c", 3); /*</instswift>*/
    return strtol(text, NULL, 10);
}

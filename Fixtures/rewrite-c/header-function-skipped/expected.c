#include "helpers.h"

int twice_plus_one(int x) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("twice_plus_one", INSTSWIFT_SPAN_INTERNAL, "twice_plus_one", "input.c", 3); /*</instswift>*/
    return helper_twice(x) + 1;
}

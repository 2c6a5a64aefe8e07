#include <stdarg.h>

int sum(int count, ...) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("sum", INSTSWIFT_SPAN_INTERNAL, "sum", "input.c", 3); instswift_span_set_int(instswift_span_0, "sum.count", (long long)(count)); /*</instswift>*/
    va_list args;
    int total = 0;
    va_start(args, count);
    for (int i = 0; i < count; i++) total += va_arg(args, int);
    va_end(args);
    return total;
}

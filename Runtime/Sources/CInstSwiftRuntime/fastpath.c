#include "instswift_fastpath.h"

long instswift_recheck_countdown = 0;
_Thread_local long instswift_tracer_call_depth = 0;

/// Defined by InstSwiftOTel (`@_cdecl`); null when the program does not link it.
extern void instswift_otel_bootstrap(void) __attribute__((weak));

int instswift_auto_bootstrap(void) {
    if (!instswift_otel_bootstrap) return 0;
    // What the bootstrap runs is not traced (see `InstSwift.lookUpTracer`), as if it were a call into the tracer.
    instswift_tracer_call_depth += 1;
    instswift_otel_bootstrap();
    instswift_tracer_call_depth -= 1;
    return 1;
}

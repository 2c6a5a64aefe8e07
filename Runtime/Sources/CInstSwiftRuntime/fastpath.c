#include "instswift_fastpath.h"

long instswift_recheck_countdown = 0;
_Thread_local long instswift_tracer_call_depth = 0;

/// Defined by InstSwiftOTel (`@_cdecl`); null when the program does not link it.
extern void instswift_otel_bootstrap(void) __attribute__((weak));

int instswift_auto_bootstrap(void) {
    if (!instswift_otel_bootstrap) return 0;
    instswift_otel_bootstrap();
    return 1;
}

#ifndef INSTSWIFT_FASTPATH_H
#define INSTSWIFT_FASTPATH_H

/// The untraced fast path's one word of state, kept in C so that Swift reaches it by a direct load instead of a
/// call to a global's accessor (which forced every instrumented function to set up a full stack frame).
///
/// Calls left before the tracer is looked up again; -1 once a real tracer was seen; LONG_MAX when disabled.
extern long instswift_recheck_countdown;

static inline long instswift_countdown_load(void) {
    return __atomic_load_n(&instswift_recheck_countdown, __ATOMIC_RELAXED);
}

static inline void instswift_countdown_store(long value) {
    __atomic_store_n(&instswift_recheck_countdown, value, __ATOMIC_RELAXED);
}

/// Bootstraps tracing through `InstSwiftOTel` when that module is linked into the program (a weak reference, so
/// `InstSwiftRuntime` does not depend on it); returns whether it could.
int instswift_auto_bootstrap(void);

#endif

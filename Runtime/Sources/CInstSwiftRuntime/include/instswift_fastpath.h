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

/// How deep this thread is in calls into the tracer (starting or ending a span). Instrumented code those calls reach
/// (a tracer or span type the app instruments too) is not traced, or each of its spans would start another.
extern _Thread_local long instswift_tracer_call_depth;

static inline long instswift_tracer_depth_load(void) {
    return instswift_tracer_call_depth;
}

static inline void instswift_tracer_depth_add(long delta) {
    instswift_tracer_call_depth += delta;
}

/// Bootstraps tracing through `InstSwiftOTel` when that module is linked into the program (a weak reference, so
/// `InstSwiftRuntime` does not depend on it); returns whether it could.
int instswift_auto_bootstrap(void);

/// A random 64-bit number from this thread's generator (xoshiro256**, seeded from the kernel once per thread and again
/// after a fork): span and trace ids without a system call or a lock per id. Not for secrets. (Declared here, not in a
/// header of its own: a header added to the include folder is not seen by an existing build's module map.)
unsigned long long instswift_random_u64(void);

#endif

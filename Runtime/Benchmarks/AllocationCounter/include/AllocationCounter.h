#ifndef INSTSWIFT_ALLOCATION_COUNTER_H
#define INSTSWIFT_ALLOCATION_COUNTER_H
#include <stdint.h>

/// Heap allocations (malloc, calloc, realloc, aligned allocations) made so far by the calling thread. The benchmark
/// executables that link this target count every allocation of the process through it: it defines `malloc` and its
/// siblings, which take precedence over the C library's, and forwards to glibc's own `__libc_*` entry points.
uint64_t bench_thread_allocations(void);

#endif

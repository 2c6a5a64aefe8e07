#include "instswift_fastpath.h"

#include <pthread.h>
#include <stdint.h>
#include <stdatomic.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

static _Thread_local uint64_t state[4];

_Static_assert(sizeof(unsigned long long) == sizeof(uint64_t), "ids are 64-bit");
/// The process generation this thread's state was seeded in (0: never); a fork starts a new generation.
static _Thread_local unsigned long seeded_generation = 0;
static atomic_ulong generation = 1;
static pthread_once_t fork_hook_once = PTHREAD_ONCE_INIT;

static void after_fork_in_child(void) { atomic_fetch_add_explicit(&generation, 1, memory_order_relaxed); }
static void install_fork_hook(void) { pthread_atfork(NULL, NULL, after_fork_in_child); }

static inline uint64_t rotate_left(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/// splitmix64, to spread a weak fallback seed over the whole state.
static uint64_t splitmix(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void seed(void) {
    if (getrandom(state, sizeof state, 0) != (ssize_t)sizeof state) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        uint64_t x = (uint64_t)now.tv_nsec ^ ((uint64_t)now.tv_sec << 32) ^ ((uint64_t)getpid() << 16) ^ (uint64_t)(uintptr_t)&now;
        for (int i = 0; i < 4; i++) state[i] = splitmix(&x);
    }
    if ((state[0] | state[1] | state[2] | state[3]) == 0) state[0] = 1;
    seeded_generation = atomic_load_explicit(&generation, memory_order_relaxed);
}

unsigned long long instswift_random_u64(void) {
    // A forked child starts with its parent's thread state: seed again, or both would make the same ids.
    if (seeded_generation != atomic_load_explicit(&generation, memory_order_relaxed)) {
        pthread_once(&fork_hook_once, install_fork_hook);
        seed();
    }
    uint64_t result = rotate_left(state[1] * 5, 7) * 9;
    uint64_t t = state[1] << 17;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotate_left(state[3], 45);
    return result;
}

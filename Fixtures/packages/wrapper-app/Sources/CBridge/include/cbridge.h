#ifndef CBRIDGE_H
#define CBRIDGE_H

/// Calls `callback` with 1...count and returns the sum of what it returns.
int cbridge_sum(int count, const char *label, int (*callback)(int));

/// Whether `value` is even (a second instrumented function, with an early return).
int cbridge_is_even(int value);

/// `__FILE__` and `__LINE__` as the compiler saw them in bridge.c (they must name the original file and line).
const char *cbridge_location(void);
int cbridge_line(void);

#endif

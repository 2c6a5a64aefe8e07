#include <stdbool.h>
#include <stddef.h>

enum color { RED, GREEN };

int record(bool flag, enum color color, unsigned long long big, size_t size) {
    return flag ? (int)color + (int)(big % 7) + (int)size : 0;
}

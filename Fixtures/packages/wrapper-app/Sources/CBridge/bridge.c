#include "cbridge.h"

int cbridge_is_even(int value) {
    if (value % 2 == 0) {
        return 1;
    }
    return 0;
}

int cbridge_sum(int count, const char *label, int (*callback)(int)) {
    int total = 0;
    (void)label;
    for (int i = 1; i <= count; i++) {
        if (cbridge_is_even(i)) {
            total += callback(i);
        } else {
            total += i;
        }
    }
    return total;
}

const char *cbridge_location(void) {
    return __FILE__;
}

int cbridge_line(void) {
    return __LINE__;
}

#include "helpers.h"

int twice_plus_one(int x) {
    return helper_twice(x) + 1;
}

#include "cwrap.h"

int cwrap_add(int a, int b) {
    return a + b;
}

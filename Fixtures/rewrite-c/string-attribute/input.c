#include <stdio.h>

void greet(const char *name, unsigned char times) {
    for (unsigned char i = 0; i < times; i++) printf("hello %s\n", name);
}

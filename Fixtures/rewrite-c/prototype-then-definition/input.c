int later(int);

int first(void) {
    return later(1);
}

int later(int value) {
    return value + 41;
}

int untouched(int a) {
    return a;
}

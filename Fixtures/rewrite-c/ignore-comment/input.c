// instswift:ignore -- hot path, measured
int fast(int x) {
    return x + 1;
}

int slow(int x) {
    return x - 1;
}

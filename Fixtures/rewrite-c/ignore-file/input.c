// instswift:ignore-file
int anything(int x) {
    return x;
}

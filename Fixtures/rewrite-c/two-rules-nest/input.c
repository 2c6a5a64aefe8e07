int process(int input) {
    return input * 3;
}

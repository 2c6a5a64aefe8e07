static int helper_double(int x) {
    return 2 * x;
}

int use_helper(int x) {
    return helper_double(x) + 1;
}

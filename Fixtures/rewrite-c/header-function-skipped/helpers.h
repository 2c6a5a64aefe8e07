static inline int helper_twice(int x) {
    return 2 * x;
}

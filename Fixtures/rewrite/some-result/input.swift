func numbers() -> some Sequence<Int> {
    [1, 2, 3]
}

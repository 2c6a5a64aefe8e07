func work(items: Int) {
    print(items)
}

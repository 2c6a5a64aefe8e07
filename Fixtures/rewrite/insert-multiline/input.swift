func work() {
    print("working")
}

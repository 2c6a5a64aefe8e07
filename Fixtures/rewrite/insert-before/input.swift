struct Worker {
    func work() {
        print("working")
    }
}

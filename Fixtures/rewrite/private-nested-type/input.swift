struct Outer {
    private struct Inner {
        func value() -> Int { 7 }
    }

    func read() -> Int { Inner().value() }
}

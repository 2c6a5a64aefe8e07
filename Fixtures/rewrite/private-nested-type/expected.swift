/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Outer {
    private struct Inner {
        func value() -> Int {/*<instswift>*/ return InstSwift.syncSpan("Inner.value") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ 7 /*<instswift>*/}/*</instswift>*/}
    }

    func read() -> Int { Inner().value() }
}

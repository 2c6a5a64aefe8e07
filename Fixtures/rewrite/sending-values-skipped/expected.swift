// Reduced from FlyingFox 0.27.1: a `sending` parameter captured by the span closure is no longer disconnected, so it
// cannot be sent on; a `sending` result cannot come out of the closure either. Both functions are left alone.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/final class Box<T> {
    private let continuation: CheckedContinuation<T, Never>

    init(continuation: CheckedContinuation<T, Never>) {
        self.continuation = continuation
    }

    func resume(returning value: sending T) {
        continuation.resume(returning: value)
    }

    func make(_ build: () -> T) -> sending T {
        build()
    }

    // Instrumented: nothing is sent.
    func resumeLater(returning value: T) -> Bool {/*<instswift>*/ return InstSwift.syncSpan("Box.resumeLater") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/
        true
    /*<instswift>*/}/*</instswift>*/}
}

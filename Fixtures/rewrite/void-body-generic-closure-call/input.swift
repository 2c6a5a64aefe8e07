// Reduced from swift-nio-extras 1.35.2's tests: a `Void` function whose body is one generic call with closures. The
// call is a statement there; alone in the span closure it would be the closure's `Void` value, and `T` would have to
// be `Void` ("conflicting arguments to generic parameter 'T'").
@discardableResult func with<T>(_ body: () -> T) -> T { body() }
@discardableResult func write(_ body: () -> Int) -> Int { body() }

func decompress() {
    with { write { () -> Int in 1 } }
}

func plain() { print("no closure") }

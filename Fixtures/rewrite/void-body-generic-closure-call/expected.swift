// Reduced from swift-nio-extras 1.35.2's tests: a `Void` function whose body is one generic call with closures. The
// call is a statement there; alone in the span closure it would be the closure's `Void` value, and `T` would have to
// be `Void` ("conflicting arguments to generic parameter 'T'").
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/@discardableResult func with<T>(_ body: () -> T) -> T {/*<instswift>*/ return InstSwift.syncSpan("with") { (instswiftSpan) throws(Never) -> T in /*</instswift>*/ body() /*<instswift>*/}/*</instswift>*/}
@discardableResult func write(_ body: () -> Int) -> Int {/*<instswift>*/ return InstSwift.syncSpan("write") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ body() /*<instswift>*/}/*</instswift>*/}

func decompress() {/*<instswift>*/ return InstSwift.syncSpan("decompress") { (instswiftSpan) throws(Never) -> Void in _ = (); /*</instswift>*/
    with { write { () -> Int in 1 } }
/*<instswift>*/}/*</instswift>*/}

func plain() {/*<instswift>*/ return InstSwift.syncSpan("plain") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/ print("no closure") /*<instswift>*/}/*</instswift>*/}

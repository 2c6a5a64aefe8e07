/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func largest<C: Collection>(in values: C) -> C.Element? where C.Element: Comparable {/*<instswift>*/ return InstSwift.syncSpan("largest") { (instswiftSpan) throws(Never) -> C.Element? in /*</instswift>*/
    values.max()
/*<instswift>*/}/*</instswift>*/}

struct Box<Value> {
    var value: Value

    func map<Result>(_ transform: (Value) throws -> Result) rethrows -> Box<Result> {/*<instswift>*/ return try InstSwift.rethrowingSpan("Box.map") { (instswiftSpan) throws -> Box<Result> in /*</instswift>*/
        Box<Result>(value: try transform(value))
    /*<instswift>*/}/*</instswift>*/}
}

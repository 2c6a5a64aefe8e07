func largest<C: Collection>(in values: C) -> C.Element? where C.Element: Comparable {
    values.max()
}

struct Box<Value> {
    var value: Value

    func map<Result>(_ transform: (Value) throws -> Result) rethrows -> Box<Result> {
        Box<Result>(value: try transform(value))
    }
}

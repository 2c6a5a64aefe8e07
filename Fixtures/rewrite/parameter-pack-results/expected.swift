// Reduced from pointfreeco/xctest-dynamic-overlay 1.13.1's `unimplemented`: a generic span result cannot be a function
// type over a parameter pack (the compiler cannot abstract its calling convention), so that function is left alone; a
// tuple of a pack is fine.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func unimplemented<each Argument, Result>(
    placeholder: @autoclosure @escaping @Sendable () -> Result
) -> @Sendable (repeat each Argument) -> Result {
    return { (argument: repeat each Argument) in placeholder() }
}

typealias Unimplemented<each Argument, Result> = @Sendable (repeat each Argument) -> Result

func unimplementedAlias<each Argument, Result>(
    placeholder: @autoclosure @escaping @Sendable () -> Result
) -> Unimplemented<repeat each Argument, Result> {
    return { (argument: repeat each Argument) in placeholder() }
}

func collect<each Element>(_ element: repeat each Element) -> (repeat each Element) {/*<instswift>*/ return InstSwift.syncSpan("collect") { (instswiftSpan) throws(Never) -> (repeat each Element) in /*</instswift>*/
    (repeat each element)
/*<instswift>*/}/*</instswift>*/}

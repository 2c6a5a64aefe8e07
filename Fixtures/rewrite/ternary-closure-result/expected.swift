// Reduced from Yams 6.2.2's ConstructorTests.testInt: inside a span closure the compiler joins a closure's conditional
// branches (Int and Int64) to one type instead of converting each to the closure's result type `Any`.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func apply(_ transform: (Int64) -> Any) -> Any {/*<instswift>*/ return InstSwift.syncSpan("apply") { (instswiftSpan) throws(Never) -> Any in /*</instswift>*/
    transform(3)
/*<instswift>*/}/*</instswift>*/}

// Left alone: a closure whose value is a conditional expression with branches of different types.
func widened() -> Any {
    let toAny: (_ value: Int64) -> Any = { MemoryLayout<Int>.size == 8 ? Int($0) : $0 }
    return toAny(1)
}

// Instrumented: a closure that states its result type converts each branch to it.
func stated() -> Any {/*<instswift>*/ return InstSwift.syncSpan("stated") { (instswiftSpan) throws(Never) -> Any in /*</instswift>*/
    let toAny = { (value: Int64) -> Any in MemoryLayout<Int>.size == 8 ? Int(value) : value }
    return toAny(1)
/*<instswift>*/}/*</instswift>*/}

// Instrumented: both branches are literals of one kind.
func flags(_ values: [Bool]) -> [Int] {/*<instswift>*/ return InstSwift.syncSpan("flags") { (instswiftSpan) throws(Never) -> [Int] in /*</instswift>*/
    let flag: (Bool) -> Int = { $0 ? 1 : 0 }
    return values.map(flag)
/*<instswift>*/}/*</instswift>*/}

// Instrumented: an optional's `?` is not a conditional expression.
func first(_ values: [Int]?) -> Int? {/*<instswift>*/ return InstSwift.syncSpan("first") { (instswiftSpan) throws(Never) -> Int? in /*</instswift>*/
    values?.first
/*<instswift>*/}/*</instswift>*/}

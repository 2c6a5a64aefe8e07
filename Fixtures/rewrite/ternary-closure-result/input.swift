// Reduced from Yams 6.2.2's ConstructorTests.testInt: inside a span closure the compiler joins a closure's conditional
// branches (Int and Int64) to one type instead of converting each to the closure's result type `Any`.
func apply(_ transform: (Int64) -> Any) -> Any {
    transform(3)
}

// Left alone: a closure whose value is a conditional expression with branches of different types.
func widened() -> Any {
    let toAny: (_ value: Int64) -> Any = { MemoryLayout<Int>.size == 8 ? Int($0) : $0 }
    return toAny(1)
}

// Instrumented: a closure that states its result type converts each branch to it.
func stated() -> Any {
    let toAny = { (value: Int64) -> Any in MemoryLayout<Int>.size == 8 ? Int(value) : value }
    return toAny(1)
}

// Instrumented: both branches are literals of one kind.
func flags(_ values: [Bool]) -> [Int] {
    let flag: (Bool) -> Int = { $0 ? 1 : 0 }
    return values.map(flag)
}

// Instrumented: an optional's `?` is not a conditional expression.
func first(_ values: [Int]?) -> Int? {
    values?.first
}

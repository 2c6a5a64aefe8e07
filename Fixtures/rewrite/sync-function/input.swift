func add(_ a: Int, _ b: Int) -> Int {
    let sum = a + b
    return sum
}

func outer(_ values: [Int]) -> Int {
    func inner(_ x: Int) -> Int { x * 2 }
    return values.map(inner).reduce(0, +)
}

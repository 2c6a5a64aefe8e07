func first(_ values: [Int]) -> Int? {
    values.first
}

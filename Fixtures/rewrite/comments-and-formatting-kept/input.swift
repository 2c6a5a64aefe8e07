/// Adds numbers.
///   - Note: keep   this   spacing.
func sum(_ values: [Int]) -> Int { // trailing comment
    // leading comment
    var total = 0 /* inline */
    for v in values { total += v }
    return total
}

/// Adds numbers.
///   - Note: keep   this   spacing.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func sum(_ values: [Int]) -> Int {/*<instswift>*/ return InstSwift.syncSpan("sum") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ // trailing comment
    // leading comment
    var total = 0 /* inline */
    for v in values { total += v }
    return total
/*<instswift>*/}/*</instswift>*/}

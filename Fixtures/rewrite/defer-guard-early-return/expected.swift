/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func process(_ items: [Int]) -> Int {/*<instswift>*/ return InstSwift.syncSpan("process") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    var total = 0
    defer { total = 0 }
    guard !items.isEmpty else { return -1 }
    for item in items {
        if item < 0 { return total }
        total += item
    }
    return total
/*<instswift>*/}/*</instswift>*/}

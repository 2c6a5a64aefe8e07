/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func outer(_ values: [Int]) -> Int {/*<instswift>*/ return InstSwift.syncSpan("outer") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    func inner(_ x: Int) -> Int { x * 2 }
    return values.map(inner).reduce(0, +)
/*<instswift>*/}/*</instswift>*/}

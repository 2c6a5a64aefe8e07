/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func add(_ a: Int, _ b: Int) -> Int {/*<instswift>*/ return InstSwift.syncSpan("add") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    let sum = a + b
    return sum
/*<instswift>*/}/*</instswift>*/}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func apply() -> [Int] {/*<instswift>*/ return InstSwift.syncSpan("apply") { (instswiftSpan) throws(Never) -> [Int] in /*</instswift>*/
    let double = { (x: Int) -> Int in x * 2 }
    return [1, 2].map(double)
/*<instswift>*/}/*</instswift>*/}

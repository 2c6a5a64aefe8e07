/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func first(_ values: [Int]) -> Int? {/*<instswift>*/ return InstSwift.syncSpan("first") { (instswiftSpan) throws(Never) -> Int? in /*</instswift>*/
    values.first
/*<instswift>*/}/*</instswift>*/}

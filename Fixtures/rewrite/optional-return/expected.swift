/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func first(_ values: [Int]) -> Int? {/*<instswift>*/ return InstSwift.syncSpan("first") { (instswiftSpan) -> Int? in /*</instswift>*/
    values.first
/*<instswift>*/}/*</instswift>*/}

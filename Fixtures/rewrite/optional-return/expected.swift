/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func first(_ values: [Int]) -> Int? {/*<instswift>*/ return InstSwift.span("first") { instswiftSpan in /*</instswift>*/
    values.first
/*<instswift>*/}/*</instswift>*/}

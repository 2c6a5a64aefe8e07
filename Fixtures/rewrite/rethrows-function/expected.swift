/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func twice(_ body: () throws -> Void) rethrows {/*<instswift>*/ return try InstSwift.rethrowingSpan("twice") { (instswiftSpan) throws -> Void in /*</instswift>*/
    try body()
    try body()
/*<instswift>*/}/*</instswift>*/}

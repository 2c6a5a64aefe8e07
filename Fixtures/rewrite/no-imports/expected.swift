// A file without imports.

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func one() -> Int {/*<instswift>*/ return InstSwift.syncSpan("one") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}

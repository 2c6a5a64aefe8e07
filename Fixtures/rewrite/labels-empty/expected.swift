/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func now() -> Int {/*<instswift>*/ return InstSwift.syncSpan("now") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ 0 /*<instswift>*/}/*</instswift>*/}
func later(_ delay: Int) -> Int { delay }

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Failure: Error {}
func safe() -> Int {/*<instswift>*/ return InstSwift.syncSpan("safe") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}
func risky() throws -> Int { throw Failure() }

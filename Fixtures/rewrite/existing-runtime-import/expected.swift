import InstSwiftRuntime

func one() -> Int {/*<instswift>*/ return InstSwift.syncSpan("one") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}

import InstSwiftRuntime

func one() -> Int {/*<instswift>*/ return InstSwift.syncSpan("one") { (instswiftSpan) -> Int in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}

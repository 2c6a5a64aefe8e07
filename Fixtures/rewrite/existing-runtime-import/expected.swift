import InstSwiftRuntime

func one() -> Int {/*<instswift>*/ return InstSwift.span("one") { (instswiftSpan) -> Int in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}

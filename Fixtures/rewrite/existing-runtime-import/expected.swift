import InstSwiftRuntime

func one() -> Int {/*<instswift>*/ return InstSwift.span("one") { instswiftSpan in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}

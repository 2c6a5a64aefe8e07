/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func square(_ x: Int) -> Int {/*<instswift>*/ return InstSwift.syncSpan("square") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ x * x /*<instswift>*/}/*</instswift>*/}

func sign(_ x: Int) -> String {/*<instswift>*/ return InstSwift.syncSpan("sign") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/
    if x < 0 { "negative" } else { "positive" }
/*<instswift>*/}/*</instswift>*/}

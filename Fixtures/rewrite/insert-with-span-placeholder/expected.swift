/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func work() -> Int {/*<instswift>*/ return InstSwift.syncSpan("work") { (instswiftSpan) throws(Never) -> Int in instswiftSpan.addEvent("started"); /*</instswift>*/
    /*<instswift>*/return /*</instswift>*/1
/*<instswift>*/}/*</instswift>*/}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func fail(_ message: String) -> Never {/*<instswift>*/ return InstSwift.syncSpan("fail") { (instswiftSpan) throws(Never) -> Never in /*</instswift>*/
    fatalError(message)
/*<instswift>*/}/*</instswift>*/}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func fail(_ message: String) -> Never {/*<instswift>*/ return InstSwift.syncSpan("fail") { (instswiftSpan) -> Never in /*</instswift>*/
    fatalError(message)
/*<instswift>*/}/*</instswift>*/}

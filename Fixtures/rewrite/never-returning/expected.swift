/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func fail(_ message: String) -> Never {/*<instswift>*/ return InstSwift.span("fail") { (instswiftSpan) -> Never in /*</instswift>*/
    fatalError(message)
/*<instswift>*/}/*</instswift>*/}

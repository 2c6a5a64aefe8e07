/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func numbers() -> some Sequence<Int> {/*<instswift>*/ return InstSwift.syncSpan("numbers") { (instswiftSpan) throws(Never) in /*</instswift>*/
    [1, 2, 3]
/*<instswift>*/}/*</instswift>*/}

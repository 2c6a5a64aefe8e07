/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func invoice() -> Int {/*<instswift>*/ return InstSwift.span("invoice") { instswiftSpan in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/enum Factory {
    static func make(_ name: String) -> String { name.uppercased() }
}

func build() -> String {
    /*<instswift>*/InstSwift.span("Factory.make", kind: .client) { instswiftSpan in /*</instswift>*/Factory.make("widget")/*<instswift>*/ }/*</instswift>*/
}

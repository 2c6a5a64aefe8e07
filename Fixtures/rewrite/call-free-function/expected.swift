/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func send(_ message: String) -> Bool { !message.isEmpty }

func notify() -> Bool {
    let ok = /*<instswift>*/InstSwift.span("send", kind: .client) { instswiftSpan in /*</instswift>*/send("hello")/*<instswift>*/ }/*</instswift>*/
    return ok
}

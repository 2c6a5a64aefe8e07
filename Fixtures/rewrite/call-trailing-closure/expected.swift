/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func retry(times: Int, _ body: () -> Bool) -> Bool {
    for _ in 0..<times where body() { return true }
    return false
}

func connect() -> Bool {
    /*<instswift>*/InstSwift.span("retry", kind: .client) { instswiftSpan in /*</instswift>*/retry(times: 3) { true }/*<instswift>*/ }/*</instswift>*/
}

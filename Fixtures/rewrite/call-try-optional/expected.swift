/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct BadInput: Error {}
func decode(_ text: String) throws -> Int {
    guard let value = Int(text) else { throw BadInput() }
    return value
}

func tolerant(_ text: String) -> Int {
    (try? /*<instswift>*/InstSwift.span("decode", kind: .client) { instswiftSpan in try /*</instswift>*/decode(text)/*<instswift>*/ }/*</instswift>*/) ?? 0
}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Port {
    let value: Int

    init?(_ text: String) {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("Port.init"); defer { InstSwift.end(instswiftSpan) }; /*</instswift>*/
        guard let value = Int(text), (1...65535).contains(value) else { return nil }
        self.value = value
    }
}

// Reduced from vapor/multipart-kit 4.7.1's tests: `nil` alone is the body's implicit return.
struct Never404 {
    init?(multipart: String) {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("Never404.init"); defer { InstSwift.end(instswiftSpan) }; /*</instswift>*/ /*<instswift>*/return /*</instswift>*/nil }
}

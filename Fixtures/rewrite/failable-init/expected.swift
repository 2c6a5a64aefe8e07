/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Port {
    let value: Int

    init?(_ text: String) {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("Port.init"); defer { instswiftSpan.end() }; /*</instswift>*/
        guard let value = Int(text), (1...65535).contains(value) else { return nil }
        self.value = value
    }
}

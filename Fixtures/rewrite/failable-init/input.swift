struct Port {
    let value: Int

    init?(_ text: String) {
        guard let value = Int(text), (1...65535).contains(value) else { return nil }
        self.value = value
    }
}

// Reduced from vapor/multipart-kit 4.7.1's tests: `nil` alone is the body's implicit return.
struct Never404 {
    init?(multipart: String) { nil }
}

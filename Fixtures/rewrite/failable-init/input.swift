struct Port {
    let value: Int

    init?(_ text: String) {
        guard let value = Int(text), (1...65535).contains(value) else { return nil }
        self.value = value
    }
}

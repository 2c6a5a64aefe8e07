enum Factory {
    static func make(_ name: String) -> String { name.uppercased() }
}

func build() -> String {
    Factory.make("widget")
}

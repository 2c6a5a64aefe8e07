@resultBuilder
enum ListBuilder {
    static func buildBlock(_ parts: String...) -> [String] { parts }
}

@ListBuilder
func names() -> [String] {
    "a"
    "b"
}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/@resultBuilder
enum ListBuilder {
    static func buildBlock(_ parts: String...) -> [String] {/*<instswift>*/ return InstSwift.span("ListBuilder.buildBlock") { (instswiftSpan) -> [String] in /*</instswift>*/ parts /*<instswift>*/}/*</instswift>*/}
}

@ListBuilder
func names() -> [String] {
    "a"
    "b"
}

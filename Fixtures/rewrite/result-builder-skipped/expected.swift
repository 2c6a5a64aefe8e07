/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/@resultBuilder
enum ListBuilder {
    static func buildBlock(_ parts: String...) -> [String] {/*<instswift>*/ return InstSwift.syncSpan("ListBuilder.buildBlock") { (instswiftSpan) throws(Never) -> [String] in /*</instswift>*/ parts /*<instswift>*/}/*</instswift>*/}
}

@ListBuilder
func names() -> [String] {
    "a"
    "b"
}

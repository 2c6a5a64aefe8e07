/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct ParseError: Error {}

func parse(_ text: String) throws -> Int {/*<instswift>*/ return try InstSwift.syncSpan("parse") { (instswiftSpan) throws -> Int in /*</instswift>*/
    guard let value = Int(text) else { throw ParseError() }
    return value
/*<instswift>*/}/*</instswift>*/}

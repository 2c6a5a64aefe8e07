/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct ParseError: Error {}

struct Visitor {
    mutating func visitSelect() throws(ParseError) {/*<instswift>*/ return try InstSwift.syncSpan("Visitor.visitSelect") { (instswiftSpan) throws(ParseError) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
}

func instruction(_ typed: Bool) throws(ParseError) -> ((inout Visitor) throws(ParseError) -> Void) {
    if !typed { throw ParseError() }
    return { visitor in
        try visitor.visitSelect()
    }
}

func untypedInstruction() -> ((inout Visitor) throws -> Void) {/*<instswift>*/ return InstSwift.syncSpan("untypedInstruction") { (instswiftSpan) throws(Never) -> ((inout Visitor) throws -> Void) in /*</instswift>*/
    return { visitor in
        try visitor.visitSelect()
    }
/*<instswift>*/}/*</instswift>*/}

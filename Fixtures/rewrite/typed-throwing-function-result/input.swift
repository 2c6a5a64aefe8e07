struct ParseError: Error {}

struct Visitor {
    mutating func visitSelect() throws(ParseError) {}
}

func instruction(_ typed: Bool) throws(ParseError) -> ((inout Visitor) throws(ParseError) -> Void) {
    if !typed { throw ParseError() }
    return { visitor in
        try visitor.visitSelect()
    }
}

func untypedInstruction() -> ((inout Visitor) throws -> Void) {
    return { visitor in
        try visitor.visitSelect()
    }
}

// A module that declares `~=`: a body whose `case` pattern is written as an implicit member may match through it, and
// the compiler cannot type-check that inside a closure (swift-syntax's Parser.parseOperatorDeclIntroducer.isFixity).
enum Keyword { case prefix, infix, postfix }
enum Kind { case keyword(Keyword), identifier }
struct Token { var kind: Kind }
struct TokenSpec {
    var keyword: Keyword?
    static func keyword(_ keyword: Keyword) -> TokenSpec { TokenSpec(keyword: keyword) }
}

func ~= (spec: TokenSpec, token: Token) -> Bool {
    if case .keyword(let keyword) = token.kind { return keyword == spec.keyword }
    return false
}

struct Modifier { var name: Token }

func isFixity(_ modifier: Modifier) -> Bool {
    switch modifier.name {
    case .keyword(.prefix), .keyword(.infix), .keyword(.postfix): return true
    default: return false
    }
}

func isIdentifier(_ token: Token) -> Bool {
    switch token.kind {
    case .identifier: return true
    default: return false
    }
}

func describe(_ token: Token) -> String {
    let written = String(describing: token.kind)
    return written
}

/// GRDB's shape: a plain implicit member matched through a `~=` is held by a closure, and stays instrumented.
struct ResultCode: Equatable {
    var rawValue: Int32
    static let abort = ResultCode(rawValue: 4)
    static func ~= (pattern: ResultCode, code: ResultCode) -> Bool { pattern == code }
}

func isAbort(_ code: Int32) -> Bool {
    switch ResultCode(rawValue: code) {
    case .abort: return true
    default: return false
    }
}

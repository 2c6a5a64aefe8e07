// A module that declares `~=`: a body whose `case` pattern is written as an implicit member may match through it, and
// the compiler cannot type-check that inside a closure (swift-syntax's Parser.parseOperatorDeclIntroducer.isFixity).
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/enum Keyword { case prefix, infix, postfix }
enum Kind { case keyword(Keyword), identifier }
struct Token { var kind: Kind }
struct TokenSpec {
    var keyword: Keyword?
    static func keyword(_ keyword: Keyword) -> TokenSpec {/*<instswift>*/ return InstSwift.syncSpan("TokenSpec.keyword") { (instswiftSpan) throws(Never) -> TokenSpec in /*</instswift>*/ TokenSpec(keyword: keyword) /*<instswift>*/}/*</instswift>*/}
}

func ~= (spec: TokenSpec, token: Token) -> Bool {/*<instswift>*/ return InstSwift.syncSpan("~=") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/
    if case .keyword(let keyword) = token.kind { return keyword == spec.keyword }
    return false
/*<instswift>*/}/*</instswift>*/}

struct Modifier { var name: Token }

func isFixity(_ modifier: Modifier) -> Bool {
    switch modifier.name {
    case .keyword(.prefix), .keyword(.infix), .keyword(.postfix): return true
    default: return false
    }
}

func isIdentifier(_ token: Token) -> Bool {/*<instswift>*/ return InstSwift.syncSpan("isIdentifier") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/
    switch token.kind {
    case .identifier: return true
    default: return false
    }
/*<instswift>*/}/*</instswift>*/}

func describe(_ token: Token) -> String {/*<instswift>*/ return InstSwift.syncSpan("describe") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/
    let written = String(describing: token.kind)
    return written
/*<instswift>*/}/*</instswift>*/}

/// GRDB's shape: a plain implicit member matched through a `~=` is held by a closure, and stays instrumented.
struct ResultCode: Equatable {
    var rawValue: Int32
    static let abort = ResultCode(rawValue: 4)
    static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {/*<instswift>*/ return InstSwift.syncSpan("ResultCode.~=") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/ pattern == code /*<instswift>*/}/*</instswift>*/}
}

func isAbort(_ code: Int32) -> Bool {/*<instswift>*/ return InstSwift.syncSpan("isAbort") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/
    switch ResultCode(rawValue: code) {
    case .abort: return true
    default: return false
    }
/*<instswift>*/}/*</instswift>*/}

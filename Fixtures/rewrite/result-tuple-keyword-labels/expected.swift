// Tuple labels that are declaration keywords read as statements in a closure's signature; written in backticks
// there (swift-syntax's Parser.parseSequenceExpressionOperator returns `(operator: RawExprSyntax, rhs: ...)?`).
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Expression {}

func sequenceOperator(_ text: String) -> (operator: Expression, rhs: Expression?)? {/*<instswift>*/ return InstSwift.syncSpan("sequenceOperator") { (instswiftSpan) throws(Never) -> (`operator`: Expression, rhs: Expression?)? in /*</instswift>*/
    guard !text.isEmpty else { return nil }
    return (operator: Expression(), rhs: nil)
/*<instswift>*/}/*</instswift>*/}

func declarations() -> (func: Int, let: Int, var: Int, init: Int, class: Int, subscript: Int) {/*<instswift>*/ return InstSwift.syncSpan("declarations") { (instswiftSpan) throws(Never) -> (`func`: Int, `let`: Int, `var`: Int, `init`: Int, `class`: Int, `subscript`: Int) in /*</instswift>*/
    (func: 1, let: 2, var: 3, init: 4, class: 5, subscript: 6)
/*<instswift>*/}/*</instswift>*/}

func nested() async throws -> [(operator: String, precedencegroup: Int)] {/*<instswift>*/ return try await InstSwift.asyncSpan("nested") { (instswiftSpan) async throws -> [(`operator`: String, `precedencegroup`: Int)] in /*</instswift>*/
    [(operator: "+", precedencegroup: 1)]
/*<instswift>*/}/*</instswift>*/}

func handler() -> (_ operator: String) -> Int {/*<instswift>*/ return InstSwift.syncSpan("handler") { (instswiftSpan) throws(Never) -> (_ `operator`: String) -> Int in /*</instswift>*/
    { $0.count }
/*<instswift>*/}/*</instswift>*/}

func plain() -> (left: Int, right: [String: Int]) {/*<instswift>*/ return InstSwift.syncSpan("plain") { (instswiftSpan) throws(Never) -> (left: Int, right: [String: Int]) in /*</instswift>*/
    (left: 1, right: [:])
/*<instswift>*/}/*</instswift>*/}

// Tuple labels that are declaration keywords read as statements in a closure's signature; written in backticks
// there (swift-syntax's Parser.parseSequenceExpressionOperator returns `(operator: RawExprSyntax, rhs: ...)?`).
struct Expression {}

func sequenceOperator(_ text: String) -> (operator: Expression, rhs: Expression?)? {
    guard !text.isEmpty else { return nil }
    return (operator: Expression(), rhs: nil)
}

func declarations() -> (func: Int, let: Int, var: Int, init: Int, class: Int, subscript: Int) {
    (func: 1, let: 2, var: 3, init: 4, class: 5, subscript: 6)
}

func nested() async throws -> [(operator: String, precedencegroup: Int)] {
    [(operator: "+", precedencegroup: 1)]
}

func handler() -> (_ operator: String) -> Int {
    { $0.count }
}

func plain() -> (left: Int, right: [String: Int]) {
    (left: 1, right: [:])
}

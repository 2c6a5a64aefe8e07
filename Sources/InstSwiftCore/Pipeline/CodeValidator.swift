/// Checks code written in rules when the rules load, so a broken template is reported at its line in the YAML
/// and never reaches a user's build. Language frontends implement it.
public protocol CodeValidator: Sendable {
    /// The problem with an expression, or nil when it parses.
    func problem(inExpression code: String) -> CodeProblem?
    /// The problem with a list of statements, or nil when they parse.
    func problem(inStatements code: String) -> CodeProblem?
}

/// What is wrong with a snippet and where, relative to the snippet's start (1-based).
public struct CodeProblem: Sendable, Hashable {
    public var message: String
    public var line: Int
    public var column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }
}

/// Swift declarations a rule adds to every module it instruments, once per module however many of the module's
/// functions the rule matches: helper types and extensions that `wrap` and `span` advice call, compiled with the
/// module, so they may use its internal API. Errors in them point at the rules file.
public struct DeclareAdvice: Sendable, Hashable {
    /// The declarations, as written.
    public var code: CodeSnippet

    public init(code: CodeSnippet) {
        self.code = code
    }
}

/// One rule's declarations, as the module-level step of a rewrite collects them from the files it rewrote.
public struct ModuleDeclaration: Sendable, Hashable {
    /// The rule that declares them (declarations are added once per rule and module).
    public var ruleID: String
    /// Their position among the rule's `declare` advice.
    public var index: Int
    public var code: CodeSnippet

    public init(ruleID: String, index: Int, code: CodeSnippet) {
        self.ruleID = ruleID
        self.index = index
        self.code = code
    }
}

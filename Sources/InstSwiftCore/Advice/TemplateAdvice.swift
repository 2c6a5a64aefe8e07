/// Insert statements at the start of a body, or run them when the body exits (as a `defer`).
public struct TemplateAdvice: Sendable {
    /// Where the statements go.
    public enum Position: String, Sendable, CaseIterable {
        case before, after
    }

    public var position: Position
    /// Statements, with the same placeholders as span names.
    public var code: CodeSnippet

    public init(position: Position, code: CodeSnippet) {
        self.position = position
        self.code = code
    }

    /// The keys of `insert:`.
    public static let keys = ["before", "after"]
}

/// Client side: write `traceparent`/`tracestate`/`baggage` of the current context into an outgoing request's
/// headers before the body runs. A parameter that is not `inout` is shadowed by a `var` copy for the body.
public struct InjectContextAdvice: Sendable {
    /// A mutable path to the headers, rooted at a parameter (`request.headers`).
    public var into: CodeSnippet

    public init(into: CodeSnippet) { self.into = into }

    /// The keys of `inject-context:`.
    public static let keys = ["into"]

    /// The parameter name the path starts with.
    public var rootName: String {
        String(into.code.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    }
}

/// Wrap a body or a call in a span.
///
/// Expressions in attributes see the function's parameters by name; `$result` is the returned value, `$error` a
/// thrown error, `$element` an element of a returned stream.
public struct SpanAdvice: Sendable {
    /// OpenTelemetry span kinds.
    public enum Kind: String, Sendable, CaseIterable {
        case `internal`, server, client, producer, consumer
    }

    /// When the span ends.
    public enum Ending: String, Sendable, CaseIterable {
        /// When the function returns or throws.
        case `return`
        /// When the `AsyncSequence` the function returns finishes, fails or is abandoned.
        case stream
    }

    /// The span name, with `{module}`, `{type}`, `{function}`, `{signature}`, `{callee}`, `{receiver}`, `{file}`
    /// placeholders; nil for the default (`Type.function` or the callee).
    public var name: String?
    public var kind: Kind = .internal
    /// Recorded when the span starts.
    public var attributes: [AttributeBinding] = []
    /// Recorded from the returned value (`$result`) when the body returns.
    public var resultAttributes: [AttributeBinding] = []
    /// Recorded from a thrown error (`$error`; its static type is the declaration's thrown type, `any Error` when
    /// untyped). Every thrown error is also recorded as an exception event with `error.type` and an error status.
    public var errorAttributes: [AttributeBinding] = []
    /// A header-like value (`[String: String]`, `HTTPFields`, NIO `HTTPHeaders`) to continue an inbound trace from.
    public var extractContext: CodeSnippet?
    public var ending: Ending = .return
    /// Recorded from each element of a returned stream (`$element`); the last value wins.
    public var elementAttributes: [AttributeBinding] = []
    /// Attribute that receives the seconds from the span's start to the stream's first element.
    public var firstElementTimeAttribute: String?
    /// Attribute that receives the number of elements the stream produced.
    public var elementCountAttribute: String?

    /// A `String?` expression evaluated when the body returns or throws: when it is not nil, it becomes the span's name
    /// (a server span named by the route the router found inside the body, say).
    public var rename: CodeSnippet?
    /// A `Bool` expression evaluated before the body: when true, the body runs without this span (the library's own
    /// tracing is on, say).
    public var unless: CodeSnippet?

    public init() {}

    /// The keys of `span:`.
    public static let keys = [
        "name", "kind", "attributes", "result-attributes", "error-attributes", "extract-context", "ends", "element-attributes",
        "first-element-time-attribute", "element-count-attribute", "rename", "unless",
    ]
}

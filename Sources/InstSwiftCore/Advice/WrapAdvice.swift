/// Hand the body to a function as its trailing closure: `return try await <call> { <body> }`. The function decides
/// whether and how to run the body, and sees (and may replace) its result, which a span's hooks cannot: the GenAI pack
/// wraps an HTTP response's body stream this way.
public struct WrapAdvice: Sendable {
    /// A call expression without its trailing closure, such as `Observer.observe(request)`.
    public var call: CodeSnippet

    public init(call: CodeSnippet) {
        self.call = call
    }
}

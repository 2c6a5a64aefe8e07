/// Pass a call's receiver through a function before the call: `session.data(for: r)` becomes
/// `<function>(session).data(for: r)` (insertions only). The function returns a stand-in with the same methods — the
/// URLSession pack's returns a proxy that makes the client span and injects the trace context — or, through an
/// overload for every other type, the receiver itself, so a call on some other type with the same name is unchanged.
/// Calls without an explicit receiver, on `super`, and through `?.` or `!.` are left alone (wrap the unwrapped value
/// in a variable first).
public struct WrapReceiverAdvice: Sendable {
    /// A function name, such as `InstSwiftURLSession.traced`.
    public var function: CodeSnippet

    public init(function: CodeSnippet) {
        self.function = function
    }
}

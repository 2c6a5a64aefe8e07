/// Every function of the runtime's `InstSwift` namespace that rendered code calls, named once: the renderers spell
/// their calls with these, and a test checks that the runtime declares each, and that the link-time support, which
/// stands in for the runtime in dependency modules, declares each it must.
public enum RuntimeFunction: String, CaseIterable, Sendable {
    case span, syncSpan, asyncSpan, rethrowingSpan, streamSpan, startSpan, end, record, rename, extract, inject
    case nonsendingSpan, nonsendingAsyncSpan, nonsendingRethrowingSpan, nonsendingStreamSpan

    /// `InstSwift.<name>`, as rendered code calls it.
    public var call: String { "InstSwift.\(rawValue)" }

    /// The entry that runs an async body on the caller's actor, for a `nonisolated(nonsending)` function's body: the
    /// plain entries declare their bodies as plain `async` closures, which run on the global executor.
    public var nonsending: RuntimeFunction {
        switch self {
        case .span: .nonsendingSpan
        case .asyncSpan: .nonsendingAsyncSpan
        case .rethrowingSpan: .nonsendingRethrowingSpan
        case .streamSpan: .nonsendingStreamSpan
        default: self
        }
    }

    /// Whether a module that reaches the runtime at link time can call it (a stream span needs the runtime imported).
    public var isLinkTime: Bool { self != .streamSpan && self != .nonsendingStreamSpan }
}

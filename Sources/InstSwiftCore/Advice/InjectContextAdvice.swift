import Foundation

/// Client side: write `traceparent`/`tracestate`/`baggage` of the current context into an outgoing request's
/// headers before the body runs. A parameter that is not `inout` is shadowed by a `var` copy for the body.
public struct InjectContextAdvice: Sendable {
    /// A mutable path to the headers, rooted at a parameter (`request.headers`).
    public var into: CodeSnippet

    public init(into: CodeSnippet) { self.into = into }

    /// The keys of `inject-context:`.
    public static let keys = ["into"]

    /// Whether `into` is a path the body can write through: names joined by `.`, optionally with subscripts
    /// (`request.headers`, `requests[0].headers`), starting at a name — not a literal or a call.
    public var isMutablePath: Bool {
        let code = into.code.trimmingCharacters(in: .whitespaces)
        guard let first = code.first, first.isLetter || first == "_" else { return false }
        var depth = 0
        for character in code {
            switch character {
            case "[": depth += 1
            case "]": depth -= 1
            case "(", ")", " ", ";", "\n", "{", "}", "?", "!": if depth == 0 { return false }
            default: continue
            }
            if depth < 0 { return false }
        }
        return depth == 0
    }

    /// The parameter name the path starts with.
    public var rootName: String {
        String(into.code.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    }
}

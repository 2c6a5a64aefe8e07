/// Which call sites a rule set can select, so a frontend collects only those and skips code that holds none.
/// Only calls no rule could report on are left out: a call whose callee no call pattern admits is a miss with no
/// criterion held, which `explain` does not show either.
public enum CallInterest: Sendable, Equatable {
    /// No rule selects calls.
    case none
    /// Only calls whose callee matches one of these patterns.
    case callees([Glob])
    /// Any call (a `not` or a pattern whose callee cannot be bounded).
    case any

    /// What `rules` can select.
    public init(_ rules: [Rule]) {
        self = rules.reduce(.none) { $0.union(CallInterest($1.joinPoint)) }
    }

    init(_ joinPoint: JoinPoint) {
        switch joinPoint {
        case .call(let pattern): self = .callees([pattern.callee])
        case .function, .directive, .entryPoint: self = .none
        // Every part must match a call, so the narrowest bounded part bounds the whole.
        case .allOf(let parts):
            let interests = parts.map(CallInterest.init)
            if interests.contains(.none) {
                self = .none
            } else {
                self = interests.first { if case .callees = $0 { true } else { false } } ?? .any
            }
        case .oneOf(let parts): self = parts.map(CallInterest.init).reduce(.none) { $0.union($1) }
        case .not: self = .any
        }
    }

    func union(_ other: CallInterest) -> CallInterest {
        switch (self, other) {
        case (.none, let x), (let x, .none): x
        case (.any, _), (_, .any): .any
        case (.callees(let a), .callees(let b)): .callees(a + b)
        }
    }

    /// Whether a call to `callee` may be selected.
    public func admits(callee: String) -> Bool {
        switch self {
        case .none: false
        case .any: true
        case .callees(let globs): globs.contains { $0.matches(callee) }
        }
    }

    /// Byte strings one of which the source of every selectable call contains; nil when that cannot be bounded.
    public var requiredSubstrings: [String]? {
        switch self {
        case .none: []
        case .any: nil
        case .callees(let globs):
            globs.reduce(into: [String]?.some([])) { result, glob in
                guard let text = glob.requiredSubstring else { result = nil; return }
                result?.append(text)
            }
        }
    }
}

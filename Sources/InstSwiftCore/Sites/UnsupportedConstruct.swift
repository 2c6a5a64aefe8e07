/// Why a site cannot take some advice, and which advice.
///
/// Most constructs instswift leaves alone are ones a *closure* cannot hold (a span or a `wrap` makes the body the body
/// of a closure: a `sending` parameter, an opaque local, a custom `~=` pattern); statements inserted into the body
/// (`insert`, `inject-context`) still compile there, so a library pack's `insert` is not lost with them. A few
/// constructs take no edit at all (a result builder's body, where a statement would become a component).
public struct UnsupportedConstruct: Sendable, Hashable {
    /// Which advice the construct rules out.
    public enum Scope: Sendable, Hashable {
        /// Advice that makes the body or the call a closure: `span` and `wrap`.
        case closures
        /// Every advice that edits the site.
        case everyEdit
    }

    /// What `explain` and the build's warnings print.
    public var reason: String
    public var scope: Scope

    public init(_ reason: String, scope: Scope) {
        self.reason = reason
        self.scope = scope
    }

    /// A construct a closure cannot hold.
    public static func closures(_ reason: String) -> Self { Self(reason, scope: .closures) }

    /// A construct that takes no edit.
    public static func everyEdit(_ reason: String) -> Self { Self(reason, scope: .everyEdit) }

    /// Whether it rules out `rule` (statement advice stays for a construct only closures cannot hold).
    public func blocks(_ rule: Rule) -> Bool {
        switch scope {
        case .everyEdit: true
        case .closures: rule.advice.contains(where: \.formsClosure)
        }
    }
}

extension Advice {
    /// Whether the advice makes the body (or the call) the body of a closure.
    public var formsClosure: Bool {
        switch self {
        case .span, .wrap: true
        case .injectContext, .addImport, .insert, .declare, .wrapReceiver: false
        }
    }
}

/// Matches declarations with bodies by kind, enclosing type, name, labels, effects, attributes and access.
public struct FunctionPattern: Sendable {
    /// Declaration kinds to match; functions, methods and initializers unless a rule asks for more.
    public var kinds: Set<DeclarationSite.Kind> = [.function, .method, .initializer]
    public var name: Glob?
    /// The innermost enclosing type (also through extensions); `""` matches free functions only.
    public var type: Glob?
    /// A name the enclosing type or extension lists in its inheritance clause.
    public var inherits: Glob?
    /// Argument labels, `_` for none; nil matches any.
    public var labels: [String]?
    public var isAsync: Bool?
    public var isThrowing: Bool?
    /// Attributes the declaration must carry (without `@`).
    public var attributes: [Glob] = []
    /// Allowed access levels; empty allows all.
    public var access: [String] = []
    /// Modifiers the declaration must carry (`static`, `mutating`, ...).
    public var modifiers: [String] = []

    public init() {}

    /// The keys of `function:`.
    public static let keys = ["kinds", "name", "type", "inherits", "labels", "async", "throws", "attributes", "access", "modifiers"]
    /// Access level words.
    public static let accessLevels = ["private", "fileprivate", "internal", "package", "public", "open"]

    func match(_ site: Site, in file: FileContext) -> MatchOutcome {
        guard case .declaration(let d) = site else { return .missed("not a declaration", progress: 0) }
        var check = CriteriaCheck()
        check.require(name?.matches(d.name) ?? true, "name '\(d.name)' does not match '\(name?.pattern ?? "")'")
        check.require(
            type.map { $0.matches(d.typeName ?? "") } ?? true,
            "enclosing type '\(d.typeName ?? "<none>")' does not match '\(type?.pattern ?? "")'"
        )
        check.require(kinds.contains(d.kind), "kind '\(d.kind.rawValue)' is not among the kinds \(kinds.map(\.rawValue).sorted())")
        check.require(
            inherits.map { glob in d.enclosingInherits.contains { glob.matches($0) } } ?? true,
            "enclosing type does not declare a conformance matching '\(inherits?.pattern ?? "")'"
        )
        check.require(
            labels.map { $0 == d.parameters.map(\.label) } ?? true,
            "labels differ: (\(d.parameters.map { $0.label + ":" }.joined())) is not (\((labels ?? []).map { $0 + ":" }.joined()))"
        )
        check.require(isAsync.map { $0 == d.isAsync } ?? true, d.isAsync ? "is async" : "is not async")
        check.require(
            isThrowing.map { $0 == (d.throwing != .none) } ?? true,
            d.throwing == .none ? "does not throw" : "throws"
        )
        for glob in attributes {
            check.require(d.attributes.contains { glob.matches($0) }, "has no attribute matching '@\(glob.pattern)'")
        }
        check.require(access.isEmpty || access.contains(d.access), "access '\(d.access)' is not among \(access)")
        for modifier in modifiers {
            check.require(d.modifiers.contains(modifier), "is not '\(modifier)'")
        }
        return check.outcome
    }
}

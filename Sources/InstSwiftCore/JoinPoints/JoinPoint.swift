/// *Where* a rule applies: a pattern over declarations or call sites, or a combination of patterns.
public indirect enum JoinPoint: Sendable {
    /// Bodies of functions, methods, initializers, accessors and subscripts.
    case function(FunctionPattern)
    /// Call expressions.
    case call(CallPattern)
    /// Declarations carrying an `// instswift:<verb>` comment.
    case directive(DirectivePattern)
    /// Where the program starts, unless it bootstraps tracing itself.
    case entryPoint(EntryPointPattern)
    /// Every listed join point matches.
    case allOf([JoinPoint])
    /// At least one listed join point matches.
    case oneOf([JoinPoint])
    /// The join point does not match.
    case not(JoinPoint)

    /// The keys that name a join point kind inside `where:`.
    public static let keys = JoinPointKind.allCases.map(\.rawValue)

    /// The kind of this join point.
    public var kind: JoinPointKind {
        switch self {
        case .function: .function
        case .call: .call
        case .directive: .directive
        case .entryPoint: .entryPoint
        case .allOf: .allOf
        case .oneOf: .oneOf
        case .not: .not
        }
    }

    /// Matches the join point against one site.
    public func match(_ site: Site, in file: FileContext) -> MatchOutcome {
        switch self {
        case .function(let pattern): pattern.match(site, in: file)
        case .call(let pattern): pattern.match(site, in: file)
        case .directive(let pattern): pattern.match(site)
        case .entryPoint(let pattern): pattern.match(site)
        case .allOf(let parts):
            parts.reduce(.matched) { outcome, part in
                guard outcome.isMatch else { return outcome }
                return part.match(site, in: file)
            }
        case .oneOf(let parts):
            parts.map { $0.match(site, in: file) }.max { $0.progress < $1.progress } ?? .missed("no alternative", progress: 0)
        case .not(let inner):
            inner.match(site, in: file).isMatch ? .missed("excluded by 'not'", progress: 1) : .matched
        }
    }

    /// Whether the join point is made of `function` patterns only (what a C rule may use).
    public var selectsOnlyFunctions: Bool {
        switch self {
        case .function: true
        case .call, .directive, .entryPoint: false
        case .allOf(let parts), .oneOf(let parts): parts.allSatisfy(\.selectsOnlyFunctions)
        case .not(let inner): inner.selectsOnlyFunctions
        }
    }

    /// Whether a file with this text could hold a site the join point matches: false only when a literal the match
    /// needs is missing from it, so a build skips parsing files no rule can touch. Never false for a file that matches.
    public func mayOccur(inFileNamed name: String, text: String) -> Bool {
        switch self {
        case .function(let pattern):
            guard let glob = pattern.name, glob.isLiteral else { return true }
            return containsBytes(text, glob.pattern)
        case .call(let pattern):
            // A call of `name` writes `name(`, `name {` (a trailing closure) or `name<` (explicit generic arguments).
            guard let name = pattern.callee.requiredSubstring else { return true }
            guard pattern.callee.isLiteral else { return containsBytes(text, name) }
            return ["(", " {", "{", "<"].contains { containsBytes(text, name + $0) }
        case .directive: return containsBytes(text, "instswift:")
        case .entryPoint: return name == "main.swift" || containsBytes(text, "@main")
        case .allOf(let parts): return parts.allSatisfy { $0.mayOccur(inFileNamed: name, text: text) }
        case .oneOf(let parts): return parts.contains { $0.mayOccur(inFileNamed: name, text: text) }
        case .not: return true
        }
    }

    /// Whether the join point selects call sites (as opposed to declarations).
    public var selectsCalls: Bool {
        switch self {
        case .call: true
        case .function, .directive, .entryPoint: false
        case .allOf(let parts), .oneOf(let parts): parts.contains { $0.selectsCalls }
        case .not: false
        }
    }
}

/// The result of matching a join point against a site.
public enum MatchOutcome: Sendable, Equatable {
    case matched
    /// Did not match; `progress` counts the criteria that did hold, so explain can show the closest rule.
    case missed(String, progress: Int)

    public var isMatch: Bool { self == .matched }

    var progress: Int {
        switch self {
        case .matched: Int.max
        case .missed(_, let progress): progress
        }
    }
}

/// Checks criteria in order and reports the first that fails. The reason is only built when some criterion held
/// (a near miss worth explaining): most rules fail on the first criterion, and matching must stay cheap.
struct CriteriaCheck {
    private(set) var progress = 0
    private var failed = false
    private var reason = ""

    /// Counts a criterion that holds; at the first that does not, keeps its reason — made only when an earlier one held,
    /// as a miss with no progress is reported without one (and the reason is not stored as a closure: that allocated
    /// for every criterion of every site).
    mutating func require(_ holds: @autoclosure () -> Bool, _ reason: @autoclosure () -> String) {
        guard !failed else { return }
        if holds() {
            progress += 1
        } else {
            failed = true
            if progress > 0 { self.reason = reason() }
        }
    }

    var outcome: MatchOutcome {
        failed ? .missed(reason, progress: progress) : .matched
    }
}

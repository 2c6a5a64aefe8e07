/// One aspect: a join point (*where*) and its advice (*what*), with filters on where it may apply.
public struct Rule: Sendable {
    /// Unique id, printed in diagnostics (`[id]`) and reports.
    public var id: String
    public var description: String?
    public let joinPoint: JoinPoint
    /// A cheap test that rejects most sites before the join point is matched.
    let quickFilter: QuickFilter?
    public var advice: [Advice]
    /// Modules (targets) the rule may touch; empty allows all.
    public var modules: [Glob] = []
    /// File paths the rule may touch; empty allows all.
    public var files: [Glob] = []
    /// The package the rule targets and the versions it was written for.
    public var package: PackageConstraint?
    /// The language of the code the rule instruments (Swift unless it says `language: c`).
    public var language: Language = .swift
    /// Where the rule starts in its file.
    public var location: SourceLocation

    public init(id: String, joinPoint: JoinPoint, advice: [Advice], location: SourceLocation) {
        self.id = id
        self.joinPoint = joinPoint
        self.quickFilter = QuickFilter(joinPoint)
        self.advice = advice
        self.location = location
    }

    /// The keys of a rule.
    public static let keys = ["id", "description", "language", "where", "advice", "modules", "files", "package"]

    /// Languages a rule can instrument. A rule names one, so a Swift rule never reaches into C targets by accident.
    public enum Language: String, Sendable, CaseIterable {
        case swift, c
    }
}

/// A package name and the versions a rule was written for.
public struct PackageConstraint: Sendable {
    public var name: String
    public var versions: VersionRange?

    public init(name: String, versions: VersionRange?) {
        self.name = name
        self.versions = versions
    }

    /// The keys of `package:`.
    public static let keys = ["name", "versions"]
}

/// Every rule from every rules file of a run, in load order.
public struct RuleSet: Sendable {
    public var rules: [Rule]
    /// The files the rules came from, with their contents' hash (folded into build keys).
    public var sources: [(path: String, contents: String)]

    public init(rules: [Rule] = [], sources: [(path: String, contents: String)] = []) {
        self.rules = rules
        self.sources = sources
    }

    /// Adds another set's rules after this one's.
    public mutating func append(_ other: RuleSet) {
        rules += other.rules
        sources += other.sources
    }

    /// A stable fingerprint of the rules' text, so changing a rule changes it.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (path, contents) in sources {
            for byte in path.utf8 + [0] + contents.utf8 + [0] {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}

/// What a site must be for a join point to have any chance: its kind (declaration or call) and, when the pattern names
/// one, its name. A site it rejects would only be a miss with no criterion held, which explain does not report.
struct QuickFilter: Sendable {
    var declarations: Bool
    var calls: Bool
    var name: Glob?

    init?(_ joinPoint: JoinPoint) {
        switch joinPoint {
        case .function(let pattern): (declarations, calls, name) = (true, false, pattern.name)
        case .call(let pattern): (declarations, calls, name) = (false, true, pattern.callee)
        case .directive, .entryPoint: (declarations, calls, name) = (true, false, nil)
        case .allOf, .oneOf, .not: return nil
        }
    }

    /// What the filter reads of a site, taken once per site rather than once per rule (a `Site` is large to copy).
    struct Key {
        var isDeclaration: Bool
        var name: String

        init(_ site: Site) {
            switch site {
            case .declaration(let d): (isDeclaration, name) = (true, d.name)
            case .call(let c): (isDeclaration, name) = (false, c.callee)
            }
        }
    }

    func admits(_ key: Key) -> Bool {
        (key.isDeclaration ? declarations : calls) && (name?.matches(key.name) ?? true)
    }
}

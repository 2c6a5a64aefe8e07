import Foundation

/// A semantic version `major.minor.patch` (pre-release and build suffixes are ignored for ordering).
public struct SemanticVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var major: Int, minor: Int, patch: Int

    /// Parses `1`, `1.2` or `1.2.3`, with an optional leading `v` and ignored `-pre`/`+build` suffixes.
    public init?(_ text: String) {
        var core = Substring(text.trimmingCharacters(in: .whitespaces))
        if core.hasPrefix("v") { core = core.dropFirst() }
        if let cut = core.firstIndex(where: { $0 == "-" || $0 == "+" }) { core = core[..<cut] }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        major = parts[0]!
        minor = parts.count > 1 ? parts[1]! : 0
        patch = parts.count > 2 ? parts[2]! : 0
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (a: Self, b: Self) -> Bool { (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch) }
}

/// A set of versions such as `>=1.20.0, <2.0.0`: comparators joined by commas, all of which must hold.
public struct VersionRange: Hashable, Sendable, CustomStringConvertible {
    /// Longer spellings first, so that `>=1.0` is not read as `>` `=1.0`.
    enum Operator: String, CaseIterable { case ge = ">=", le = "<=", gt = ">", lt = "<", eq = "==" }
    private let comparators: [(op: Operator, version: SemanticVersion)]
    /// The range as written.
    public let text: String

    /// Parses a range, or explains what is wrong with it.
    public static func parse(_ text: String) -> Result<VersionRange, RangeError> {
        var comparators: [(Operator, SemanticVersion)] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let op = Operator.allCases.first { part.hasPrefix($0.rawValue) }
            let versionText = op.map { String(part.dropFirst($0.rawValue.count)) } ?? part
            guard let version = SemanticVersion(versionText) else {
                return .failure(RangeError(message: "'\(part)' is not a version comparator such as '>=1.2.0' or '<2.0.0'"))
            }
            comparators.append((op ?? .eq, version))
        }
        guard !comparators.isEmpty else { return .failure(RangeError(message: "the version range is empty")) }
        return .success(VersionRange(comparators: comparators, text: text))
    }

    private init(comparators: [(Operator, SemanticVersion)], text: String) {
        self.comparators = comparators.map { (op: $0.0, version: $0.1) }
        self.text = text
    }

    /// Whether `version` satisfies every comparator.
    public func contains(_ version: SemanticVersion) -> Bool {
        comparators.allSatisfy { c in
            switch c.op {
            case .ge: version >= c.version
            case .le: version <= c.version
            case .gt: version > c.version
            case .lt: version < c.version
            case .eq: version == c.version
            }
        }
    }

    public var description: String { text }
    public static func == (a: Self, b: Self) -> Bool { a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Why a range did not parse.
    public struct RangeError: Error { public let message: String }
}

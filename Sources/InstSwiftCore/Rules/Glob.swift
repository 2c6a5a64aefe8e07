/// A shell-style pattern: `*` matches any run of characters except `/`, `**` any run including `/`, `?` one
/// character, `{a,b}` either alternative. A pattern with none of these matches itself only.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let alternatives: [[Character]]
    /// The common shapes, matched without allocating: `*`, `abc`, `abc*`, `*abc`.
    private enum Shape: Hashable, Sendable { case any, exact(String), prefix(String), suffix(String), general }
    private let shape: Shape

    /// Compiles a pattern.
    public init(_ pattern: String) {
        self.pattern = pattern
        self.alternatives = Glob.expandBraces(pattern).map(Array.init)
        let body = pattern.dropFirst().dropLast()
        let special: (Character) -> Bool = { "*?{}".contains($0) }
        if pattern == "*" || pattern == "**" {
            shape = .any
        } else if !pattern.contains(where: special) {
            shape = .exact(pattern)
        } else if pattern.hasSuffix("*"), !pattern.dropLast().contains(where: special) {
            shape = .prefix(String(pattern.dropLast()))
        } else if pattern.hasPrefix("*"), !pattern.dropFirst().contains(where: special), !body.contains("/") {
            shape = .suffix(String(pattern.dropFirst()))
        } else {
            shape = .general
        }
    }

    public var description: String { pattern }

    /// The pattern with its `{a,b}` alternatives spelled out: `C{Yaml,Json}` -> `CYaml`, `CJson`.
    public var expandedAlternatives: [String] { alternatives.map { String($0) } }

    /// Whether the pattern is a literal (no wildcard).
    public var isLiteral: Bool { !pattern.contains { "*?{".contains($0) } }

    /// Text that every match contains, when the pattern's shape tells it (for prefiltering source bytes).
    public var requiredSubstring: String? {
        switch shape {
        case .exact(let text), .prefix(let text), .suffix(let text): text.isEmpty ? nil : text
        case .any, .general: nil
        }
    }

    /// Whether `text` matches the whole pattern.
    public func matches(_ text: String) -> Bool {
        switch shape {
        case .any: return pattern == "**" || !text.contains("/")
        case .exact(let literal): return text == literal
        case .prefix(let prefix): return text.hasPrefix(prefix) && !text.dropFirst(prefix.count).contains("/")
        case .suffix(let suffix): return text.hasSuffix(suffix) && !text.dropLast(suffix.count).contains("/")
        case .general: break
        }
        let text = Array(text)
        return alternatives.contains { Glob.match($0[...], text[...]) }
    }

    private static func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case "*":
            let isDouble = pattern.dropFirst().first == "*"
            let rest = pattern.dropFirst(isDouble ? 2 : 1)
            var index = text.startIndex
            while true {
                if match(rest, text[index...]) { return true }
                guard index < text.endIndex, isDouble || text[index] != "/" else { return false }
                index += 1
            }
        case "?":
            guard let c = text.first, c != "/" else { return false }
            return match(pattern.dropFirst(), text.dropFirst())
        default:
            guard text.first == first else { return false }
            return match(pattern.dropFirst(), text.dropFirst())
        }
    }

    private static func expandBraces(_ pattern: String) -> [String] {
        guard let open = pattern.firstIndex(of: "{"), let close = pattern[open...].firstIndex(of: "}") else {
            return [pattern]
        }
        let head = pattern[..<open], tail = String(pattern[pattern.index(after: close)...])
        return pattern[pattern.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
            .flatMap { choice in expandBraces(head + choice + tail) }
    }
}

extension Array where Element == Glob {
    /// True when the list is empty (no constraint) or any pattern matches.
    func allows(_ text: String?) -> Bool {
        isEmpty || text.map { t in contains { $0.matches(t) } } ?? false
    }
}

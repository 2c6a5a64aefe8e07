/// The declarations a rule set can select or come close to, by name: what each rule's quick filter admits. A frontend
/// that knows a declaration's name before reading the rest of it skips the declarations no rule can admit (on a file
/// with thousands of functions and rules that name a few, building every declaration's site was most of a rewrite);
/// `explain` loses nothing, as a declaration no quick filter admits has no match and no near miss to report.
public struct DeclarationInterest: Sendable {
    /// Whether any declaration may be selected.
    private var admitsAll = false
    /// Names matched whole, `prefix*` patterns by the length of their prefix (a rule pack may have dozens, and each name
    /// is looked up once per length instead of compared with each), and other patterns.
    private var exact: Set<String> = []
    private var prefixes: [Int: Set<Substring>] = [:]
    private var patterns: [Glob] = []
    /// The first bytes of the exact names and prefixes: most names start with none of them, and are refused without
    /// hashing (the prefix look-up hashes the name once per prefix length).
    private var firstBytes = [Bool](repeating: false, count: 256)

    /// What `rules` can select.
    public init(_ rules: [Rule]) {
        for rule in rules {
            guard let filter = rule.quickFilter else {
                admitsAll = true
                return
            }
            guard filter.declarations else { continue }
            switch filter.name?.shape {
            case nil, .any?:
                admitsAll = true
                return
            case .exact(let name)?:
                exact.insert(name)
                firstBytes[Int(name.utf8.first ?? 0)] = true
            case .prefix(let prefix)? where prefix.isEmpty:
                admitsAll = true
                return
            case .prefix(let prefix)?:
                prefixes[prefix.utf8.count, default: []].insert(Substring(prefix))
                firstBytes[Int(prefix.utf8.first ?? 0)] = true
            case .suffix?, .general?: patterns.append(filter.name!)
            }
        }
    }

    /// Whether a declaration named `name` may be selected.
    public func admits(name: String) -> Bool {
        // A prefix match admits a name the glob would refuse for a `/` after the prefix: this only narrows the rules to try.
        if admitsAll { return true }
        if patterns.isEmpty, let first = name.utf8.first, !firstBytes[Int(first)] { return false }
        return exact.contains(name)
            || prefixes.contains { length, set in name.utf8.count >= length && set.contains(Substring(name.utf8.prefix(length))) }
            || patterns.contains { $0.matches(name) }
    }
}

/// The declarations a rule set can select or come close to, by name: what each rule's quick filter admits. A frontend
/// that knows a declaration's name before reading the rest of it skips the declarations no rule can admit (on a file
/// with thousands of functions and rules that name a few, building every declaration's site was most of a rewrite);
/// `explain` loses nothing, as a declaration no quick filter admits has no match and no near miss to report.
public struct DeclarationInterest: Sendable {
    /// Whether any declaration may be selected.
    private var admitsAll = false
    /// Names matched whole, and other patterns (``Glob`` matches its common shapes without allocating).
    private var exact: Set<String> = []
    private var patterns: [Glob] = []

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
            case .exact(let name)?: exact.insert(name)
            case .prefix?, .suffix?, .general?: patterns.append(filter.name!)
            }
        }
    }

    /// Whether a declaration named `name` may be selected.
    public func admits(name: String) -> Bool {
        admitsAll || exact.contains(name) || patterns.contains { $0.matches(name) }
    }
}

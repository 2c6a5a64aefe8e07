/// A file's rules indexed by the names their join points select, with each rule's file filters decided once: a site
/// tries only the rules its name can match (a pack has dozens of rules, and a large file thousands of sites).
public struct RuleIndex: Sendable {
    public let rules: [Rule]
    /// Why each rule's module, file or package filter refuses the file; nil where it passes.
    let filterFailures: [String?]
    /// Rules without a quick filter (combinators): tried at every site.
    private var everywhere: [Int] = []
    private var declarations = NameTable()
    private var calls = NameTable()

    /// Indexes `rules` for sites of `file`.
    public init(_ rules: [Rule], file: FileContext) {
        self.rules = rules
        self.filterFailures = rules.map { Matcher.filterFailure($0, file) }
        for (index, rule) in rules.enumerated() {
            guard let filter = rule.quickFilter else {
                everywhere.append(index)
                continue
            }
            if filter.declarations { declarations.add(index, name: filter.name) }
            if filter.calls { calls.add(index, name: filter.name) }
        }
    }

    /// The positions of the rules whose quick filter admits `key`, in rule order.
    func candidates(for key: QuickFilter.Key) -> [Int] {
        var found = everywhere
        (key.isDeclaration ? declarations : calls).collect(key.name, into: &found)
        // Each table yields its candidates in rule order; merged with the others they need sorting (few, usually one).
        found.removeAll { !(rules[$0].quickFilter?.admits(key) ?? true) }
        return everywhere.isEmpty && found.count < 2 ? found : found.sorted()
    }

    /// Rules by the shape of the name pattern they select: whole names and `prefix*` patterns are looked up, others
    /// tested one by one.
    private struct NameTable: Sendable {
        var exact: [String: [Int]] = [:]
        var prefixes: [Int: [Substring: [Int]]] = [:]
        var others: [Int] = []

        mutating func add(_ index: Int, name: Glob?) {
            switch name?.shape {
            case .exact(let whole)?: exact[whole, default: []].append(index)
            case .prefix(let prefix)?: prefixes[prefix.utf8.count, default: [:]][Substring(prefix), default: []].append(index)
            default: others.append(index)
            }
        }

        func collect(_ name: String, into found: inout [Int]) {
            found += others
            if let rules = exact[name] { found += rules }
            let length = name.utf8.count
            for (prefixLength, table) in prefixes where prefixLength <= length {
                if let rules = table[Substring(name.utf8.prefix(prefixLength))] { found += rules }
            }
        }
    }
}

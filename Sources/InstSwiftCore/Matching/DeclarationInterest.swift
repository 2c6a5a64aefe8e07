#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The declarations a rule set can select or come close to, by name: what each rule's quick filter admits. A frontend
/// that knows a declaration's name before reading the rest of it skips the declarations no rule can admit (on a file
/// with thousands of functions and rules that name a few, building every declaration's site was most of a rewrite);
/// `explain` loses nothing, as a declaration no quick filter admits has no match and no near miss to report.
public struct DeclarationInterest: Sendable {
    /// Whether any declaration may be selected.
    private var admitsAll = false
    /// Names matched whole, literal prefixes (globs `abc*`) as UTF-8, and other patterns.
    private var exact: Set<String> = []
    private var prefixes: [[UInt8]] = []
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
            case .prefix(let prefix)?: prefixes.append(Array(prefix.utf8))
            case .suffix?, .general?: patterns.append(filter.name!)
            }
        }
    }

    /// Whether a declaration named `name` may be selected.
    public func admits(name: String) -> Bool {
        if admitsAll || exact.contains(name) { return true }
        // A prefix glob's `*` does not cross `/` (which a name never holds).
        var name = name
        let prefixed = name.withUTF8 { bytes in
            prefixes.contains { prefix in
                prefix.count <= bytes.count && prefix.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, prefix.count) == 0 }
            } && !bytes.contains(UInt8(ascii: "/"))
        }
        if prefixed { return true }
        return patterns.contains { $0.matches(name) }
    }
}

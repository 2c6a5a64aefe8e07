/// Matches the program's entry: `static func main()` of the `@main` type (its `run()` when it has no `main`), or the
/// top-level code of `main.swift` — unless the file already bootstraps tracing, so nothing is bootstrapped twice.
public struct EntryPointPattern: Sendable {
    public init() {}

    /// The keys of `entry-point:` (none yet).
    public static let keys: [String] = []

    func match(_ site: Site) -> MatchOutcome {
        guard case .declaration(let d) = site, d.isEntryPoint else { return .missed("not the program's entry point", progress: 0) }
        if let line = d.selfBootstrapLine {
            return .missed("the program bootstraps tracing itself (line \(line))", progress: 1)
        }
        return .matched
    }
}

/// Matches declarations that carry an `// instswift:<verb>` comment (`// instswift:span` by default).
public struct DirectivePattern: Sendable {
    /// The directive word after `instswift:`.
    public var verb: String

    public init(verb: String) { self.verb = verb }

    /// Verbs the scanner recognises (`ignore` and `ignore-file` are handled centrally, not by rules).
    public static let reservedVerbs = ["ignore", "ignore-file"]

    func match(_ site: Site) -> MatchOutcome {
        guard case .declaration(let d) = site else { return .missed("not a declaration", progress: 0) }
        guard let directive = d.directive else { return .missed("has no // instswift:\(verb) comment", progress: 0) }
        return directive.verb == verb ? .matched : .missed("directive is '\(directive.verb)', not '\(verb)'", progress: 1)
    }
}

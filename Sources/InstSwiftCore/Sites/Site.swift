/// Something in a file that a join point is matched against.
public enum Site: Sendable {
    case declaration(DeclarationSite)
    case call(CallSite)

    public var location: SourceLocation {
        switch self {
        case .declaration(let d): d.location
        case .call(let c): c.location
        }
    }

    /// A short human name for `explain` and the build report: `method Store.load(key:)`, `function sum(int a, int b)`.
    public var displayName: String {
        switch self {
        case .declaration(let d) where d.language == .c: "function \(d.name)(\(d.parameters.map { "\($0.type) \($0.name)" }.joined(separator: ", ")))"
        case .declaration(let d): "\(d.kind.rawValue) \((d.enclosingTypes + [d.signature]).joined(separator: "."))"
        case .call(let c): "call \(c.receiver.map { $0 + "." } ?? "")\(c.signature)"
        }
    }

    var isIgnored: Bool {
        switch self {
        case .declaration(let d): d.isIgnored
        case .call(let c): c.isIgnored
        }
    }

    var unsupported: UnsupportedConstruct? {
        switch self {
        case .declaration(let d): d.unsupported
        case .call(let c): c.unsupported
        }
    }
}

/// A call expression that a rule may wrap, described independently of the language.
public struct CallSite: Sendable {
    /// The called name (`query` in `client.query(x)`).
    public var callee: String
    /// Argument labels, `_` for unlabelled ones.
    public var labels: [String]
    /// The receiver as written (`client`, `PostgresClient.shared`), nil for a free call.
    public var receiver: String?
    /// The receiver's type where the source states it (a static call, or a variable declared with a type).
    public var receiverType: String?
    /// The declaration the call is in, for span names.
    public var enclosingFunction: String?
    /// Enclosing type names, outermost first.
    public var enclosingTypes: [String]
    /// Whether an `// instswift:ignore` comment opts the enclosing declaration out.
    public var isIgnored: Bool
    /// Why some advice (or all) cannot apply to this call, if it cannot.
    public var unsupported: UnsupportedConstruct?
    /// Where the call starts.
    public var location: SourceLocation

    public init(
        callee: String, labels: [String], receiver: String? = nil, receiverType: String? = nil,
        enclosingFunction: String? = nil, enclosingTypes: [String] = [], isIgnored: Bool = false,
        unsupported: UnsupportedConstruct? = nil, location: SourceLocation
    ) {
        self.callee = callee
        self.labels = labels
        self.receiver = receiver
        self.receiverType = receiverType
        self.enclosingFunction = enclosingFunction
        self.enclosingTypes = enclosingTypes
        self.isIgnored = isIgnored
        self.unsupported = unsupported
        self.location = location
    }

    /// `callee(label:label:)`.
    public var signature: String { "\(callee)(\(labels.map { "\($0):" }.joined()))" }
}

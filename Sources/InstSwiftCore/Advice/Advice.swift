/// *What* a rule does where its join point matches.
public enum Advice: Sendable {
    /// Wrap the body (or the call) in a span.
    case span(SpanAdvice)
    /// Inject the current trace context into an outgoing request value before the body runs.
    case injectContext(InjectContextAdvice)
    /// Add an `import` to the file.
    case addImport(ImportAdvice)
    /// Insert a code template before or after the body.
    case insert(TemplateAdvice)
    /// Hand the body to a function as a closure.
    case wrap(WrapAdvice)
    /// Add declarations to the module, once.
    case declare(DeclareAdvice)
    /// Pass a call's receiver through a function first (call join points).
    case wrapReceiver(WrapReceiverAdvice)

    /// The keys that name an advice kind in a rule's `advice:` list.
    public static let keys = AdviceKind.allCases.map(\.rawValue)

    /// The kind of this advice.
    public var kind: AdviceKind {
        switch self {
        case .span: .span
        case .injectContext: .injectContext
        case .addImport: .addImport
        case .insert: .insert
        case .wrap: .wrap
        case .declare: .declare
        case .wrapReceiver: .wrapReceiver
        }
    }

    /// The YAML key of this kind.
    public var key: String { kind.rawValue }
}

/// A piece of Swift written in a rule (an expression or statements), with where it was written.
public struct CodeSnippet: Sendable, Hashable {
    /// The code as written, before placeholders are substituted.
    public var code: String
    /// Where the code starts in the rules file.
    public var location: SourceLocation

    public init(_ code: String, at location: SourceLocation) {
        self.code = code
        self.location = location
    }
}

/// An attribute a span records: a semantic-convention key and the Swift expression giving its value.
public struct AttributeBinding: Sendable, Hashable {
    public var key: String
    public var value: CodeSnippet

    public init(key: String, value: CodeSnippet) {
        self.key = key
        self.value = value
    }
}

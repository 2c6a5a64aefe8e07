/// The kinds of advice, each named by its key in a rule's `advice:` list. This is the one list of them: ``Advice``, the
/// rules reader and the schema switch over it without `default:`, so a kind added here is a compile error until each of
/// them handles it.
public enum AdviceKind: String, CaseIterable, Sendable {
    case span
    case injectContext = "inject-context"
    case addImport = "import"
    case insert
    case wrap
    case declare
    case wrapReceiver = "wrap-receiver"

    /// What the advice does, for the schema and the docs.
    public var summary: String {
        switch self {
        case .span: "Wrap the body or the call in a span."
        case .injectContext: "Inject the current trace context into an outgoing request value before the body runs."
        case .addImport: "Add an import to the file."
        case .insert: "Insert Swift statements before or after the body."
        case .wrap: "A call whose trailing closure becomes the body."
        case .declare: "Swift declarations added once to each module the rule instruments."
        case .wrapReceiver: "A function a call's receiver goes through (call join points)."
        }
    }
}

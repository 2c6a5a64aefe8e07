/// The kinds of join point, each named by its key in `where:`. This is the one list of them: ``JoinPoint``, the rules
/// reader and the schema switch over it without `default:`, so a kind added here is a compile error until each of them
/// handles it.
public enum JoinPointKind: String, CaseIterable, Sendable {
    case function
    case call
    case directive
    case entryPoint = "entry-point"
    case allOf = "all-of"
    case oneOf = "one-of"
    case not

    /// What the kind selects, for the schema and the docs.
    public var summary: String {
        switch self {
        case .function: "Bodies of functions, methods, initializers, accessors and subscripts."
        case .call: "Call expressions."
        case .directive: "Declarations carrying an '// instswift:<verb>' comment."
        case .entryPoint: "Where the program starts, unless it bootstraps tracing itself."
        case .allOf: "Every listed join point matches."
        case .oneOf: "At least one listed join point matches."
        case .not: "The join point does not match."
        }
    }
}

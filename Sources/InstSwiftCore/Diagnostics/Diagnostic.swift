/// One problem found while loading rules or rewriting a file, rendered compiler-style:
/// `path:line:col: error: [rule-id] message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Comparable {
        case note, warning, error

        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    /// How bad the problem is.
    public var severity: Severity
    /// Lowercase, actionable text with no trailing period.
    public var message: String
    /// Where the problem is, when it is anywhere in particular.
    public var location: SourceLocation?
    /// The rule the problem belongs to, when one does.
    public var ruleID: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, rule ruleID: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.ruleID = ruleID
    }

    /// The compiler-style line. Control characters that came from the input (an escape sequence in a key, a newline in
    /// an id) are escaped, so a diagnostic is one line and never drives the terminal.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): "
        if let ruleID { text += "[\(Self.escapingControlCharacters(ruleID))] " }
        return text + Self.escapingControlCharacters(message)
    }

    /// `text` with control characters written as Swift escapes (`\u{1B}`, `\n`).
    static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            escaped += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return escaped
    }
}

/// Collects recoverable problems; only fatal ones are thrown.
public struct Diagnostics: Sendable, Error, CustomStringConvertible {
    /// Everything emitted so far, in emission order.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty collector.
    public init() {}

    /// Records one diagnostic.
    public mutating func emit(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Records an error.
    public mutating func error(_ message: String, at location: SourceLocation?, rule: String? = nil) {
        emit(Diagnostic(.error, message, at: location, rule: rule))
    }

    /// Records a warning.
    public mutating func warning(_ message: String, at location: SourceLocation?, rule: String? = nil) {
        emit(Diagnostic(.warning, message, at: location, rule: rule))
    }

    /// Appends another collector's diagnostics.
    public mutating func append(contentsOf other: Diagnostics) { all += other.all }

    /// Whether any error was emitted.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// One diagnostic a line.
    public var description: String { all.map(\.description).joined(separator: "\n") }
}

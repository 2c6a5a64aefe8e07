import InstSwiftCore

/// Types that are not `Copyable` or not `Escapable`: a span closure can borrow and mutate their values, but can neither
/// return one (its result is a copyable, escapable generic) nor consume one it captured. Syntax alone does not say
/// which types these are, so the names come from the standard library and from the module's own declarations.
public enum NoncopyableTypes {
    /// The standard library's and Synchronization's (Swift 6.2+).
    public static let standardLibrary: Set<String> = [
        "Span", "RawSpan", "MutableSpan", "MutableRawSpan", "OutputSpan", "OutputRawSpan", "UTF8Span", "Mutex", "Atomic",
    ]

    /// The types `text` declares `~Copyable` or `~Escapable` in their inheritance clause: a textual scan, cheap enough
    /// to run on every file of a module before any is parsed.
    public static func declared(in text: String) -> Set<String> {
        guard containsBytes(text, "~Copyable") || containsBytes(text, "~Escapable") else { return [] }
        let declaration = /\b(?:struct|enum|class|protocol|actor)\s+([A-Za-z_][A-Za-z0-9_]*)(?:<[^>{]*>)?\s*:[^{]*?~(?:Copyable|Escapable)/
        return Set(text.matches(of: declaration).map { String($0.output.1) })
    }

    /// Whether a type as written names one of `names` (`consuming RawIORequest`, `Span<UInt8>?`).
    static func mentions(_ type: String, anyOf names: Set<String>) -> Bool {
        type.split { !($0.isLetter || $0.isNumber || $0 == "_") }.contains { names.contains(String($0)) }
    }
}

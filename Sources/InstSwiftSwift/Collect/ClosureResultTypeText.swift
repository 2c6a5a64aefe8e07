import SwiftSyntax

/// A result type's text as a span closure's signature can state it.
///
/// In a closure signature a tuple label that is a declaration keyword — `-> (operator: RawExprSyntax, rhs: ...)? in`,
/// swift-syntax's own `parseSequenceExpressionOperator`; also `func`, `init`, `let`, `var`, `class`, `subscript` —
/// reads as the start of a statement ("consecutive statements on a line must be separated by ';'"), although the
/// function's own signature accepts it. Such labels are written in backticks, which names the same type.
enum ClosureResultTypeText {
    static func text(_ type: TypeSyntax, _ text: NodeText) -> String {
        let written = text(type)
        // Only a tuple has labels, and a label is followed by a colon.
        guard written.utf8.contains(UInt8(ascii: ":")) else { return written }
        let start = type.positionAfterSkippingLeadingTrivia.utf8Offset
        let labels = type.tokens(viewMode: .sourceAccurate).filter(isKeywordLabel)
        guard !labels.isEmpty else { return written }
        var bytes = Array(written.utf8)
        for label in labels.reversed() {
            let offset = label.positionAfterSkippingLeadingTrivia.utf8Offset - start
            let end = offset + label.trimmedLength.utf8Length
            guard offset >= 0, end <= bytes.count else { continue }
            bytes.insert(UInt8(ascii: "`"), at: end)
            bytes.insert(UInt8(ascii: "`"), at: offset)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A label spelled as a keyword (the parser reads labels as identifiers, whatever their spelling).
    private static func isKeywordLabel(_ token: TokenSyntax) -> Bool {
        guard let element = token.parent?.as(TupleTypeElementSyntax.self),
            element.firstName?.id == token.id || element.secondName?.id == token.id
        else { return false }
        return keywords.contains(token.text)
    }

    /// Swift's keywords: backticks around any of them name the same label, so the list may be generous.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "precedencegroup", "private", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "throw", "throws", "where",
        "while", "as", "is", "try", "await", "super", "self", "nil", "true", "false", "macro", "actor", "nonisolated",
        "consume", "copy", "discard", "borrowing", "consuming", "package", "some", "any",
    ]
}

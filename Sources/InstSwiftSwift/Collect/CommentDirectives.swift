import InstSwiftCore
import SwiftSyntax

/// `// instswift:...` comments: `ignore` on a declaration, `ignore-file` anywhere at the top level, and rule
/// directives such as `// instswift:span "name" key=expression`.
enum CommentDirectives {
    static let prefix = "instswift:"

    /// The `instswift:` comments in a node's leading trivia, without the prefix.
    static func comments(on node: some SyntaxProtocol) -> [String] {
        node.leadingTrivia.compactMap { piece -> String? in
            let text: String
            switch piece {
            case .lineComment(let t): text = String(t.dropFirst(2))
            case .docLineComment(let t): text = String(t.dropFirst(3))
            default: return nil
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix(prefix) ? String(trimmed.dropFirst(prefix.count)) : nil
        }
    }

    static func isIgnored(_ node: some SyntaxProtocol) -> Bool {
        comments(on: node).contains { $0 == "ignore" || $0.hasPrefix("ignore ") }
    }

    /// Whether the file opts out as a whole.
    static func ignoresFile(_ tree: SourceFileSyntax) -> Bool {
        tree.tokens(viewMode: .sourceAccurate).contains { token in
            token.leadingTrivia.contains { piece in
                if case .lineComment(let text) = piece {
                    return text.dropFirst(2).trimmingCharacters(in: .whitespaces) == prefix + "ignore-file"
                }
                return false
            }
        }
    }

    /// The first rule directive on a declaration.
    static func directive(on node: some SyntaxProtocol) -> Directive? {
        for comment in comments(on: node) {
            var words = Words(comment)
            guard let verb = words.next(), !DirectivePattern.reservedVerbs.contains(verb) else { continue }
            var directive = Directive(verb: verb)
            while let word = words.next() {
                if word.hasPrefix("\"") {
                    directive.spanName = String(word.dropFirst().dropLast())
                } else if let equals = word.firstIndex(of: "=") {
                    directive.attributes[String(word[..<equals])] = String(word[word.index(after: equals)...])
                }
            }
            return directive
        }
        return nil
    }

    /// Splits on spaces, keeping `"quoted strings"` whole.
    struct Words: IteratorProtocol {
        var rest: Substring
        init(_ text: String) { rest = Substring(text) }
        mutating func next() -> String? {
            rest = rest.drop { $0 == " " }
            guard !rest.isEmpty else { return nil }
            let end: Substring.Index
            if rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") {
                end = rest.index(after: close)
            } else {
                end = rest.firstIndex(of: " ") ?? rest.endIndex
            }
            defer { rest = rest[end...] }
            return String(rest[..<end])
        }
    }
}

import InstSwiftCore
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Parses Swift snippets from rules with swift-syntax, so templates are checked when rules load.
public struct SwiftCodeValidator: CodeValidator {
    public init() {}

    /// The longest snippet a rule may hold.
    static let maxLength = 16_384
    /// The deepest nesting of `(`, `[` and `{` a snippet may hold: swift-syntax's parser overflowed the stack at about
    /// 1,000 `[` and slowed down exponentially with hundreds left unclosed.
    static let maxNesting = 64

    public func problem(inExpression code: String) -> CodeProblem? {
        if let problem = Self.sizeProblem(code) { return problem }
        // Parsed as the right side of an assignment so that a statement is rejected.
        let prefix = "_ = "
        let tree = Parser.parse(source: prefix + code)
        if let problem = firstProblem(in: tree) {
            return CodeProblem(
                message: problem.message, line: problem.line,
                column: problem.line == 1 ? max(1, problem.column - prefix.utf8.count) : problem.column
            )
        }
        if tree.statements.count > 1 {
            let second = tree.statements[tree.statements.index(after: tree.statements.startIndex)]
            let location = second.startLocation(converter: SourceLocationConverter(fileName: "", tree: tree))
            return CodeProblem(
                message: "expected one expression, found statements", line: location.line,
                column: location.line == 1 ? max(1, location.column - prefix.utf8.count) : location.column
            )
        }
        return nil
    }

    public func problem(inStatements code: String) -> CodeProblem? {
        if let problem = Self.sizeProblem(code) { return problem }
        return firstProblem(in: Parser.parse(source: code))
    }

    /// Checked before parsing: what the parser cannot take safely.
    static func sizeProblem(_ code: String) -> CodeProblem? {
        guard code.utf8.count <= maxLength else {
            return CodeProblem(message: "the snippet is longer than \(maxLength) bytes", line: 1, column: 1)
        }
        var depth = 0, line = 1, column = 0
        var opened: [(line: Int, column: Int)] = []
        for character in code {
            column += 1
            switch character {
            case "\n": line += 1; column = 0
            case "(", "[", "{":
                depth += 1
                opened.append((line, column))
                if depth > maxNesting {
                    return CodeProblem(
                        message: "brackets nest deeper than \(maxNesting) levels",
                        line: line, column: column
                    )
                }
            case ")", "]", "}":
                if depth > 0 { depth -= 1; opened.removeLast() }
            default: continue
            }
        }
        // swift-syntax's recovery from unclosed brackets takes time exponential in their number (25 took seconds).
        if depth > maxUnclosed, let first = opened.first {
            return CodeProblem(
                message: "\(depth) brackets are not closed (the first unclosed one is here)",
                line: first.line, column: first.column
            )
        }
        return nil
    }

    /// The most brackets a snippet may leave open and still be parsed (for a precise error from the parser).
    static let maxUnclosed = 6

    private func firstProblem(in tree: SourceFileSyntax) -> CodeProblem? {
        guard tree.hasError, let diagnostic = ParseDiagnosticsGenerator.diagnostics(for: tree).first else {
            return nil
        }
        let location = diagnostic.location(converter: SourceLocationConverter(fileName: "", tree: tree))
        return CodeProblem(message: diagnostic.message, line: location.line, column: location.column)
    }
}

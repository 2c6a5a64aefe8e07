import InstSwiftCore
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Parses Swift snippets from rules with swift-syntax, so templates are checked when rules load.
public struct SwiftCodeValidator: CodeValidator {
    public init() {}

    public func problem(inExpression code: String) -> CodeProblem? {
        // Parsed as the right side of an assignment so that a statement is rejected.
        let prefix = "_ = "
        guard let problem = firstProblem(in: prefix + code) else {
            return nil
        }
        return CodeProblem(message: problem.message, line: problem.line, column: problem.line == 1 ? max(1, problem.column - prefix.utf8.count) : problem.column)
    }

    public func problem(inStatements code: String) -> CodeProblem? {
        firstProblem(in: code)
    }

    private func firstProblem(in source: String) -> CodeProblem? {
        let tree = Parser.parse(source: source)
        guard tree.hasError, let diagnostic = ParseDiagnosticsGenerator.diagnostics(for: tree).first else {
            return nil
        }
        let location = diagnostic.location(converter: SourceLocationConverter(fileName: "", tree: tree))
        return CodeProblem(message: diagnostic.message, line: location.line, column: location.column)
    }
}

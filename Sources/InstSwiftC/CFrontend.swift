internal import CClang
import InstSwiftCore

/// Rewrites C files with libclang: one parse, the function definitions of the compiled file, then insertions on
/// the line of each instrumented body's `{`. A file whose parse has any error is left alone with a warning.
public struct CFrontend: LanguageFrontend {
    public init() {}

    public var fileExtensions: [String] { ["c"] }
    /// C rules are checked by the rules loader itself (attributes name parameters); there is no code to validate.
    public var codeValidator: any CodeValidator { NoCodeValidator() }

    public func rewrite(_ source: String, file: FileContext, rules allRules: [Rule], options: RewriteOptions) -> RewriteResult {
        let rules = allRules.filter { $0.language == .c }
        guard !rules.isEmpty else { return RewriteResult(output: nil, reports: []) }
        if source.contains("instswift:ignore-file") {
            return RewriteResult(output: nil, reports: [], fileSkipReason: "ignored by an // instswift:ignore-file comment")
        }
        if let failure = instswift_libclang_load() {
            var diagnostics = Diagnostics()
            diagnostics.error(
                "C rules cannot be applied: \(String(cString: failure))", at: SourceLocation(file: file.path, line: 1, column: 1), rule: rules[0].id)
            return RewriteResult(output: nil, reports: [], diagnostics: diagnostics)
        }
        let arguments = ClangArguments.forParsing(options.compilerArguments, source: file.path)
        let unit: TranslationUnit
        switch TranslationUnit.parse(source, path: file.path, arguments: arguments) {
        case .success(let parsed): unit = parsed
        case .failure(let failure):
            var diagnostics = Diagnostics()
            diagnostics.warning(
                "not instrumented: the file does not parse without errors: \(failure.message)",
                at: SourceLocation(file: file.path, line: 1, column: 1))
            return RewriteResult(output: nil, reports: [], fileSkipReason: "it does not parse without errors", diagnostics: diagnostics)
        }

        var reports: [SiteReport] = []
        var edits: [TextEdit] = []
        var diagnostics = Diagnostics()
        var spans = 0
        for function in CFunctionCollector(unit: unit, source: source).collect() {
            let report = Matcher.evaluate(.declaration(function.site), rules: rules, in: file)
            if !report.matched.isEmpty || !report.nearMisses.isEmpty { reports.append(report) }
            guard !report.applied.isEmpty else { continue }
            let rendered = CSpanRenderer(function: function, rules: report.applied, file: file, sequence: spans).render()
            spans += report.applied.count
            edits += rendered.edits
            diagnostics.append(contentsOf: rendered.diagnostics)
        }
        guard !edits.isEmpty else { return RewriteResult(output: nil, reports: reports, diagnostics: diagnostics) }
        if options.emitSourceLocationHeader {
            // The runtime's declarations, then `#line` so that every original line keeps its number and file name.
            edits.append(TextEdit(offset: 0, text: CPrelude.text + "#line 1 \(cString(file.path))\n", role: .leading))
        }
        return RewriteResult(output: EditApplier.apply(edits, to: source), reports: reports, diagnostics: diagnostics, edits: edits)
    }
}

/// Accepts every snippet (C rules carry parameter names, which the loader checks).
struct NoCodeValidator: CodeValidator {
    func problem(inExpression code: String) -> CodeProblem? { nil }
    func problem(inStatements code: String) -> CodeProblem? { nil }
}

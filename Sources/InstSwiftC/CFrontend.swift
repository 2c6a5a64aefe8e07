internal import CClang
import InstSwiftCore

/// A C file's function definitions, with where their bodies start.
public struct ParsedCFile: ParsedFile {
    let functions: [CFunction]
    public let sites: [Site]

    init(functions: [CFunction]) {
        self.functions = functions
        self.sites = functions.map { .declaration($0.site) }
    }
}

/// Rewrites C files with libclang: one parse, the function definitions of the compiled file, then insertions on
/// the line of each instrumented body's `{`. A file whose parse has any error is left alone with a warning.
public struct CFrontend: LanguageFrontend {
    public init() {}

    public var fileExtensions: [String] { ["c"] }
    public var language: Rule.Language { .c }
    /// C rules are checked by the rules loader itself (attributes name parameters); there is no code to validate.
    public var codeValidator: any CodeValidator { NoCodeValidator() }

    public func collect(_ source: String, file: FileContext, rules: [Rule], options: RewriteOptions) -> CollectStage<ParsedCFile> {
        if source.contains("instswift:ignore-file") {
            return .skipped(FileSkip(reason: "ignored by an // instswift:ignore-file comment"))
        }
        if let failure = instswift_libclang_load() {
            var diagnostics = Diagnostics()
            diagnostics.error(
                "C rules cannot be applied: \(String(cString: failure))", at: SourceLocation(file: file.path, line: 1, column: 1), rule: rules[0].id)
            return .skipped(FileSkip(reason: nil, diagnostics: diagnostics))
        }
        let arguments = ClangArguments.forParsing(options.compilerArguments, source: file.path)
        switch TranslationUnit.parse(source, path: file.path, arguments: arguments) {
        case .success(let unit):
            return .collected(ParsedCFile(functions: CFunctionCollector(unit: unit, source: source).collect()))
        case .failure(let failure):
            var diagnostics = Diagnostics()
            diagnostics.warning(
                "not instrumented: the file does not parse without errors: \(failure.message)",
                at: SourceLocation(file: file.path, line: 1, column: 1))
            return .skipped(FileSkip(reason: "it does not parse without errors", diagnostics: diagnostics))
        }
    }

    public func render(_ matched: MatchedFile<ParsedCFile>, options: RewriteOptions) -> Rendering {
        var edits: [TextEdit] = []
        var diagnostics = Diagnostics()
        var spans = 0
        for (function, report) in zip(matched.parsed.functions, matched.siteReports) where !report.applied.isEmpty {
            let rendered = CSpanRenderer(function: function, rules: report.applied, file: matched.file, sequence: spans).render()
            spans += report.applied.count
            edits += rendered.edits
            diagnostics.append(contentsOf: rendered.diagnostics)
        }
        guard !edits.isEmpty else { return Rendering(edits: nil, diagnostics: diagnostics) }
        if options.emitSourceLocationHeader {
            // The runtime's declarations, then `#line` so that every original line keeps its number and file name.
            edits.append(TextEdit(offset: 0, text: CPrelude.text + "#line 1 \(cString(matched.file.path))\n", role: .leading))
        }
        return Rendering(edits: edits, diagnostics: diagnostics)
    }
}

/// Accepts every snippet (C rules carry parameter names, which the loader checks).
struct NoCodeValidator: CodeValidator {
    func problem(inExpression code: String) -> CodeProblem? { nil }
    func problem(inStatements code: String) -> CodeProblem? { nil }
}

/// A language the pipeline can rewrite. The core knows no language; Swift and C implement this.
public protocol LanguageFrontend: Sendable {
    /// File extensions (without the dot) this frontend handles.
    var fileExtensions: [String] { get }
    /// Checks code snippets in rules when they load.
    var codeValidator: any CodeValidator { get }
    /// Matches `rules` in one pass over `source` and renders the advice that applies.
    func rewrite(_ source: String, file: FileContext, rules: [Rule], options: RewriteOptions) -> RewriteResult
}

/// How a rewrite renders.
public struct RewriteOptions: Sendable {
    /// Start the output with `#sourceLocation(file: <original>, line: 1)` (for compiling a copy from elsewhere).
    public var emitSourceLocationHeader = false
    /// The module injected code imports.
    public var runtimeModule = "InstSwiftRuntime"
    /// How injected code reaches the runtime.
    public var runtimeAccess = RuntimeAccess.importing
    /// The compiler's command line for the file, for frontends that parse with the build's flags (C: include paths,
    /// defines, language standard).
    public var compilerArguments: [String] = []

    public init(emitSourceLocationHeader: Bool = false) {
        self.emitSourceLocationHeader = emitSourceLocationHeader
    }
}

/// How injected code reaches the runtime.
public enum RuntimeAccess: Sendable {
    /// `import InstSwiftRuntime`: the module depends on the runtime (the root package's targets, after `pin`).
    case importing
    /// Through link-time symbols and support code added to the module: a dependency's module, which cannot import
    /// the runtime. Advice that needs more than the link-time API (stream spans) is not applied there.
    case linkTime
}

/// What a rewrite produced.
public struct RewriteResult: Sendable {
    /// The rewritten text, or nil when no rule applied (the original is compiled as it is).
    public var output: String?
    /// Every site a rule matched or came close to.
    public var reports: [SiteReport]
    /// Why the whole file was left alone, if it was.
    public var fileSkipReason: String?
    public var diagnostics: Diagnostics
    /// The insertions that made `output`.
    public var edits: [TextEdit]
    /// The modules the file imports (as far as the frontend read them).
    public var fileImports: Set<String> = []
    /// The modules the rewrite added imports of (the runtime's, for advice that calls it).
    public var addedImports: Set<String> = []
    /// Declarations the applied rules add to the module (once per module: the module-level step appends them).
    public var moduleDeclarations: [ModuleDeclaration] = []

    public init(
        output: String?, reports: [SiteReport], fileSkipReason: String? = nil, diagnostics: Diagnostics = Diagnostics(),
        edits: [TextEdit] = []
    ) {
        self.edits = edits
        self.output = output
        self.reports = reports
        self.fileSkipReason = fileSkipReason
        self.diagnostics = diagnostics
    }

    /// Sites where advice was applied.
    public var instrumented: [SiteReport] { reports.filter { !$0.applied.isEmpty } }
}

/// A language the pipeline can rewrite. The core knows no language and runs the stages (``RewritePipeline``); a
/// frontend implements the two that need the language: collecting a file's sites and rendering advice as insertions.
public protocol LanguageFrontend: Sendable {
    /// The frontend's parse of one file: its sites, and what rendering needs of it (the syntax, the file's imports).
    associatedtype Parsed: ParsedFile

    /// File extensions (without the dot) this frontend handles.
    var fileExtensions: [String] { get }
    /// The language of the rules this frontend applies.
    var language: Rule.Language { get }
    /// Checks code snippets in rules when they load.
    var codeValidator: any CodeValidator { get }

    /// Stage 1: parses `source` and collects every site `rules` (this language's, never empty) could select, or says
    /// why the whole file is left alone.
    func collect(_ source: String, file: FileContext, rules: [Rule], options: RewriteOptions) -> CollectStage<Parsed>

    /// After matching, before rendering: refuses what this frontend cannot render at a site by setting the report's
    /// skip reason (which explain shows). The default accepts everything.
    func review(_ report: inout SiteReport, options: RewriteOptions)

    /// Stage 3: the insertions for the sites whose rules apply.
    func render(_ file: MatchedFile<Parsed>, options: RewriteOptions) -> Rendering
}

extension LanguageFrontend {
    public func review(_ report: inout SiteReport, options: RewriteOptions) {}
}

/// A frontend's parse of one file.
public protocol ParsedFile {
    /// Every collected site, in the order rendering visits them.
    var sites: [Site] { get }
}

/// Why a whole file is left as it is.
public struct FileSkip: Sendable {
    /// What explain prints; nil when the diagnostics say it all.
    public var reason: String?
    public var diagnostics: Diagnostics

    public init(reason: String?, diagnostics: Diagnostics = Diagnostics()) {
        self.reason = reason
        self.diagnostics = diagnostics
    }
}

/// Stage 1's outcome: the parsed file, or why it is left alone.
public enum CollectStage<Parsed: ParsedFile> {
    case collected(Parsed)
    case skipped(FileSkip)
}

/// Stage 2's outcome: the matched file, or why it is left alone.
public enum MatchStage<Parsed: ParsedFile> {
    case matched(MatchedFile<Parsed>)
    case skipped(FileSkip)
}

/// Stage 2's outcome: every rule evaluated at every site. Explain and the build's reports read it; nothing is rendered.
public struct MatchedFile<Parsed: ParsedFile> {
    public let parsed: Parsed
    public let file: FileContext
    /// One report per site of `parsed.sites`, in the same order.
    public let siteReports: [SiteReport]
    /// The sites a rule matched or came close to (kept, not filtered per read: a report is a large value to copy).
    public let reports: [SiteReport]

    public init(parsed: Parsed, file: FileContext, siteReports: [SiteReport]) {
        self.parsed = parsed
        self.file = file
        self.siteReports = siteReports
        let isKept = { (report: SiteReport) in !report.matched.isEmpty || !report.nearMisses.isEmpty }
        // When every report is kept (a file whose rules select what it collects), the array is shared, not copied.
        self.reports = siteReports.allSatisfy(isKept) ? siteReports : siteReports.filter(isKept)
    }
}

/// Stage 3's outcome.
public struct Rendering: Sendable {
    /// The insertions, or nil when the file is left as it is.
    public var edits: [TextEdit]?
    public var diagnostics = Diagnostics()
    /// The modules the file imports (as far as the frontend read them).
    public var fileImports: Set<String> = []
    /// The modules the rendering added imports of.
    public var addedImports: Set<String> = []
    /// Declarations the applied rules add to the module.
    public var moduleDeclarations: [ModuleDeclaration] = []

    public init(edits: [TextEdit]?, diagnostics: Diagnostics = Diagnostics()) {
        self.edits = edits
        self.diagnostics = diagnostics
    }
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
    /// Names of the module's types that are not `Copyable` or not `Escapable`, for frontends that cannot see other files
    /// (Swift: a span closure can neither return nor consume such a value).
    public var noncopyableTypes: Set<String> = []
    /// The result-builder types of the module and of the modules compiled before it (Swift: a body a result builder
    /// builds cannot be wrapped in a span, and the builder's attribute may have any name).
    public var resultBuilderTypes: Set<String> = []
    /// The generic types of the module and of the modules compiled before it whose parameters are not all required to
    /// be `Sendable`, as `Name<P,Q>` (Swift: for the methods of their extensions); when empty, the file's own are found.
    public var genericTypes: Set<String> = []
    /// The module's imports are internal unless they say otherwise (Swift's `InternalImportsByDefault`): an import that
    /// inlinable code needs is added as `public import`.
    public var importsAreInternalByDefault = false
    /// The module's nonisolated async functions run on their caller's actor unless marked `@concurrent` (Swift's
    /// `NonisolatedNonsendingByDefault`): their span bodies must too.
    public var asyncFunctionsAreNonsendingByDefault = false
    /// A member is visible only in files that import its module (Swift's `MemberImportVisibility`): code that uses
    /// members of swift-distributed-tracing's types (`kind: .client`, `span.attributes`) needs `import Tracing`.
    public var membersNeedTheirModuleImported = false
    /// Whether the module declares a `~=` operator (Swift: a body whose `case` patterns may match through it cannot be
    /// wrapped in a closure); nil when the module is not known, and the file itself is looked at.
    public var declaresPatternMatchOperators: Bool?

    public init(emitSourceLocationHeader: Bool = false) {
        self.emitSourceLocationHeader = emitSourceLocationHeader
    }

    /// Swift's upcoming feature that makes a member visible only where its module is imported.
    public static let memberImportVisibility = "MemberImportVisibility"

    /// Sets what the module's upcoming language features (`-enable-upcoming-feature NAME`, as swiftc takes them) change.
    public mutating func enableUpcomingFeatures(_ features: some Sequence<String>) {
        for feature in features {
            switch feature {
            case "InternalImportsByDefault": importsAreInternalByDefault = true
            case "NonisolatedNonsendingByDefault": asyncFunctionsAreNonsendingByDefault = true
            case Self.memberImportVisibility: membersNeedTheirModuleImported = true
            default: continue
            }
        }
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

    /// The result for a file left as it is, with why.
    public init(skipped skip: FileSkip) {
        self.init(output: nil, reports: [], fileSkipReason: skip.reason, diagnostics: skip.diagnostics)
    }

    /// Sites where advice was applied.
    public var instrumented: [SiteReport] { reports.filter { !$0.applied.isEmpty } }
}

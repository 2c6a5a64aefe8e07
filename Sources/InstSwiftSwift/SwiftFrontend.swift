import Foundation
import InstSwiftCore
import SwiftParser
import SwiftSyntax

/// A Swift file as the collector left it: its sites with the syntax their advice edits, its tree and its imports.
public struct ParsedSwiftFile: ParsedFile {
    let tree: SourceFileSyntax
    let imports: Set<String>
    /// Where the last top-level import statement ends, if there is one.
    var lastImportEnd: Int?
    /// Whether the file has an `@testable import`, which makes a module's internal declarations visible.
    let hasTestableImport: Bool
    /// Whether the file names the standard library's `Span` without importing Tracing (whose `Span` would then clash).
    var namesStandardSpan = false
    let collected: [CollectedSite]
    public let sites: [Site]

    init(tree: SourceFileSyntax, imports: Set<String>, hasTestableImport: Bool = false, collected: [CollectedSite]) {
        self.tree = tree
        self.imports = imports
        self.hasTestableImport = hasTestableImport
        self.collected = collected
        self.sites = collected.map(\.site)
    }
}

/// Rewrites Swift files with swift-syntax: one parse, one collecting pass, then insertions only.
public struct SwiftFrontend: LanguageFrontend {
    public init() {}

    public var fileExtensions: [String] { ["swift"] }
    public var language: Rule.Language { .swift }
    public var codeValidator: any CodeValidator { SwiftCodeValidator() }

    public func collect(_ source: String, file: FileContext, rules: [Rule], options: RewriteOptions) -> CollectStage<ParsedSwiftFile> {
        let tree = Parser.parse(source: source)
        if containsBytes(source, "instswift:ignore-file"), CommentDirectives.ignoresFile(tree) {
            return .skipped(FileSkip(reason: "ignored by an // instswift:ignore-file comment"))
        }
        let collector = SiteCollector(
            path: file.path, source: source, calls: CallInterest(rules), declarations: DeclarationInterest(rules),
            noncopyableTypes: options.noncopyableTypes, resultBuilderTypes: options.resultBuilderTypes, genericTypes: options.genericTypes)
        collector.selfBootstrapLine = Self.selfBootstrapLine(in: source)
        collector.declaresPatternMatchOperators = options.declaresPatternMatchOperators ?? PatternMatchOperators.declared(in: source)
        collector.collectTopLevelCode(tree)
        collector.walk(tree)
        var parsed = ParsedSwiftFile(tree: tree, imports: collector.imports, hasTestableImport: collector.hasTestableImport, collected: collector.sites)
        parsed.namesStandardSpan = collector.namesStandardSpan
        parsed.lastImportEnd = collector.lastTopLevelImportEnd
        return .collected(parsed)
    }

    /// A dependency's module reaches the runtime at link time, whose API has no stream spans.
    public func review(_ report: inout SiteReport, options: RewriteOptions) {
        guard options.runtimeAccess == .linkTime else { return }
        for rule in report.applied where Self.needsImportedRuntime(rule) {
            report.skip(rule, because: "rule '\(rule.id)' ends its span with a stream, which a dependency's module (reaching the runtime at link time) cannot")
        }
    }

    public func render(_ matched: MatchedFile<ParsedSwiftFile>, options: RewriteOptions) -> Rendering {
        let parsed = matched.parsed
        var edits: [TextEdit] = []
        var imports: [String] = []
        var diagnostics = Diagnostics()
        // A rule's declarations come with every site it matches, even one left alone: other rules' code may use them.
        let declarations = Self.declarations(of: matched.siteReports.lazy.flatMap(\.matched))
        var callTexts = CallRenderer.Cache()
        edits.reserveCapacity(2 * parsed.collected.count + 8)
        var context = RenderContext(file: matched.file, options: options, sequence: 0)
        // By index, reading each site's parts where they lie: copying every site and report out cost a tenth of rendering.
        let collected = parsed.collected, reports = matched.siteReports
        for index in collected.indices {
            let rules = reports[index].applied
            guard !rules.isEmpty else { continue }
            context.sequence = edits.count
            switch collected[index].target {
            case .body(let body):
                guard case .declaration(let site) = collected[index].site else { continue }
                let rendered = BodyRenderer(site: site, body: body, rules: rules, context: context).render()
                edits += rendered.edits
                imports.appendNew(rendered.imports)
                diagnostics.append(contentsOf: rendered.diagnostics)
            case .call(let call):
                guard case .call(let site) = collected[index].site else { continue }
                let rendered = CallRenderer(site: site, call: call, rules: rules, context: context).render(cache: &callTexts)
                edits += rendered.edits
                imports.appendNew(rendered.imports)
            }
        }
        guard !edits.isEmpty || !imports.isEmpty else {
            var rendering = Rendering(edits: nil, diagnostics: diagnostics)
            rendering.moduleDeclarations = declarations
            return rendering
        }
        // `@testable import` of a module that reaches the runtime at link time also shows that module's internal
        // `InstSwift` (the support code), so the runtime's is imported by name, which takes precedence
        // (hummingbird-project/hummingbird-auth's tests: `@testable import Hummingbird`).
        if parsed.hasTestableImport, options.runtimeAccess == .importing, imports.contains(options.runtimeModule) {
            imports.append("enum \(options.runtimeModule).InstSwift")
        }
        // Under MemberImportVisibility the span kinds and span members injected code uses are visible only with Tracing
        // imported (rendered code spells them `kind: .client`).
        if options.membersNeedTheirModuleImported, imports.contains(options.runtimeModule), !parsed.namesStandardSpan,
            !imports.contains("Tracing")
        {
            imports.append("Tracing")
        }
        // Tracing is added for inlinable bodies only (BodyRenderer), which need their imports public.
        let publicly = options.importsAreInternalByDefault && imports.contains("Tracing")
        edits += ImportRenderer(tree: parsed.tree, existing: parsed.imports, lastImportEnd: parsed.lastImportEnd).edits(adding: imports, publicly: publicly)
        if options.emitSourceLocationHeader {
            edits.append(TextEdit(offset: 0, text: Self.sourceLocationHeader(for: matched.file.path), role: .leading))
        }
        var rendering = Rendering(edits: edits, diagnostics: diagnostics)
        rendering.fileImports = parsed.imports
        rendering.addedImports = Set(imports).subtracting(parsed.imports)
        rendering.moduleDeclarations = declarations
        return rendering
    }
}

extension SwiftFrontend {
    /// The `declare` advice of `rules` (one entry per matched site, so a rule comes many times), each once, in the
    /// order the rules first come.
    static func declarations(of rules: some Sequence<Rule>) -> [ModuleDeclaration] {
        var seen = Set<String>()
        var declarations: [ModuleDeclaration] = []
        for rule in rules where seen.insert(rule.id).inserted {
            let declared = rule.advice.compactMap { advice -> DeclareAdvice? in if case .declare(let declare) = advice { declare } else { nil } }
            for (index, declare) in declared.enumerated() {
                declarations.append(ModuleDeclaration(ruleID: rule.id, index: index, code: declare.code))
            }
        }
        return declarations
    }

    /// Whether a rule's advice needs more of the runtime than ``LinkTimeSupport`` offers.
    static func needsImportedRuntime(_ rule: Rule) -> Bool {
        rule.advice.contains { advice in
            if case .span(let span) = advice { return span.ending == .stream }
            return false
        }
    }

    /// The line a copy compiled from elsewhere starts with, so that the compiler names the original's path and lines.
    public static func sourceLocationHeader(for path: String) -> String {
        "#sourceLocation(file: \(stringLiteral(path)), line: 1)\n"
    }

    /// `output` with the link-time support code appended as an injected region, under a `#sourceLocation` of its own
    /// so that nothing in it is attributed to the original file's lines.
    public static func appendingLinkTimeSupport(to output: String, moduleImports: Set<String>) -> String {
        let location = "\n#sourceLocation(file: \"\(LinkTimeSupport.fileName)\", line: 1)\n"
        return output + InjectedRegion.wrap(location + LinkTimeSupport.source(moduleImports: moduleImports))
    }

    /// `output` with the declarations of rules (``DeclareAdvice``) appended, each once, as injected regions under a
    /// `#sourceLocation` of the rules file, so errors in them point at the rule.
    /// What declarations need imported in the file they go to: the runtime, when they call its API and the module
    /// imports it (a module reaching the runtime at link time has the support code's `InstSwift` instead).
    /// Under MemberImportVisibility, Tracing too: rules' declarations use its types' members (`kind: .client`).
    public static func declarationImports(
        _ declarations: [ModuleDeclaration], access: RuntimeAccess, membersNeedTheirModuleImported: Bool = false
    )
        -> [String]
    {
        guard access == .importing, declarations.contains(where: { $0.code.code.contains("InstSwift.") }) else { return [] }
        return [RewriteOptions().runtimeModule] + (membersNeedTheirModuleImported ? ["Tracing"] : [])
    }

    /// `imports` go first, for declarations that need a module their file may not import (the runtime).
    public static func appendingDeclarations(to output: String, _ declarations: [ModuleDeclaration], imports: [String] = []) -> String {
        var seen = Set<ModuleDeclaration>()
        var text = output
        if !imports.isEmpty { text += InjectedRegion.wrap("\n" + imports.map { "import \($0)\n" }.joined()) }
        for declaration in declarations where seen.insert(declaration).inserted {
            let location = declaration.code.location
            text += InjectedRegion.wrap(
                "\n// instswift: declarations of rule '\(declaration.ruleID)'\n#sourceLocation(file: \(stringLiteral(location.file)), line: \(location.line))\n"
                    + declaration.code.code + "\n#sourceLocation()\n"
            )
        }
        return text
    }

    /// Calls that mean the program sets up tracing itself.
    static let bootstrapCalls = ["OTel.bootstrap(", "InstrumentationSystem.bootstrap(", "OTel.makeTracingBackend(", "InstSwiftOTel.bootstrap"]

    /// The first line that bootstraps tracing, if any.
    public static func selfBootstrapLine(in source: String) -> Int? {
        // Every call above contains "bootstrap" or "makeTracingBackend": look for those bytes before splitting lines.
        guard containsBytes(source, "bootstrap") || containsBytes(source, "makeTracingBackend") else { return nil }
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where bootstrapCalls.contains(where: line.contains) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            return index + 1
        }
        return nil
    }
}

/// A Swift string literal for `text`.
func stringLiteral(_ text: String) -> String {
    // Most texts (span names, attribute keys) need no escape: one byte scan instead of a string built scalar by scalar.
    let needsEscape = text.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 < 0x20 }
    guard needsEscape else { return "\"" + text + "\"" }
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case "\"": escaped += "\\\""
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\t": escaped += "\\t"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return "\"\(escaped)\""
}

extension [String] {
    /// Appends the elements of `more` this array does not hold yet (a file's sites name the same few modules).
    mutating func appendNew(_ more: [String]) {
        for element in more where !contains(element) { append(element) }
    }
}

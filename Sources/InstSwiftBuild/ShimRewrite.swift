import Foundation
import InstSwiftCore
import InstSwiftSwift

/// The steps both compiler shims take around their language's rewrite: load the run's rules, place a compiled file in
/// the package, keep the rules that could apply to it, run the frontend's pipeline, and list what was instrumented. The Swift shim (``ModuleRewrite``) adds what is per module (link-time support,
/// declarations, the overlay of `main.swift`); the C shim (``CCompilerShim``) compiles one file per call.
struct ShimRewrite<Frontend: LanguageFrontend> {
    let frontend: Frontend
    let configuration: BuildConfiguration
    let layout: PackageLayout
    /// The rules of the frontend's language.
    let rules: [Rule]

    /// One compiled file, after the pipeline.
    enum FileRewrite {
        /// No rule can apply: the file is not the package's, or no rule's filters select it.
        case untouched
        /// The compiler's command line names a file that does not exist.
        case missing
        /// The pipeline's result (its output is nil when the rules that could apply changed nothing).
        case rewritten(RewriteResult)
    }

    /// Loads the run's rules files (every language's, checked as `instswift swift` checked them before the build) and
    /// keeps this frontend's; nil when none is of its language, so the compile goes on untouched.
    init?(frontend: Frontend, configuration: BuildConfiguration) throws(Diagnostics) {
        let rules = try RuleLoading.load(configuration.ruleFiles, validator: SwiftCodeValidator()).rules.filter { $0.language == frontend.language }
        guard !rules.isEmpty else { return nil }
        self.frontend = frontend
        self.configuration = configuration
        self.layout = PackageLayout(configuration: configuration)
        self.rules = rules
    }

    /// Rewrites `path` of `module`, whose text the caller read (nil: it could not), with the rules that could apply.
    func rewrite(_ path: String, text: String?, module: String, options: RewriteOptions) -> FileRewrite {
        guard let context = layout.fileContext(path: path, module: module) else { return .untouched }
        guard let text else {
            // Never a silent skip of a file that exists: an unreadable one fails the compile that reads it next.
            return FileManager.default.fileExists(atPath: path) ? .untouched : .missing
        }
        let candidates = Matcher.candidates(rules, for: context, text: text)
        guard !candidates.isEmpty else { return .untouched }
        return .rewritten(frontend.rewrite(text, file: context, rules: candidates, options: options))
    }

}

extension RewriteResult {
    /// The report lines of what this result instrumented in `path`.
    func reportSites(in path: String) -> [ModuleReport.Site] {
        instrumented.map { .init(file: path, line: $0.site.location.line, name: $0.site.displayName, rules: $0.applied.map(\.id)) }
    }

    /// The id of the first rule applied, for diagnostics about the file as a whole.
    var firstAppliedRuleID: String { instrumented.first?.applied.first?.id ?? "instswift" }
}

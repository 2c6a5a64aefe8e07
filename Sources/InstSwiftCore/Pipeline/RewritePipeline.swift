/// The stages every file goes through, whatever its language:
///
/// 1. collect — the frontend parses the file and finds its sites (``LanguageFrontend/collect(_:file:rules:options:)``);
/// 2. match — every rule against every site (``Matcher``), then the frontend's review: a ``MatchedFile``, which
///    `explain` and the build's reports read without rendering anything;
/// 3. render — the frontend turns the advice of the matched sites into insertions;
/// 4. apply — the insertions, and nothing else, make the output (docs/adr/0002).
extension LanguageFrontend {
    /// Stages 1 and 2: what applies where, and why the closest rules do not. Rules of other languages are ignored; with
    /// none of this language the file is not parsed.
    public func match(_ source: String, file: FileContext, rules allRules: [Rule], options: RewriteOptions) -> MatchStage<Parsed> {
        let rules = allRules.filter { $0.language == language }
        guard !rules.isEmpty else { return .skipped(FileSkip(reason: nil)) }
        switch collect(source, file: file, rules: rules, options: options) {
        case .skipped(let skip):
            return .skipped(skip)
        case .collected(let parsed):
            let index = RuleIndex(rules, file: file)
            let reports = parsed.sites.map { site in
                var report = Matcher.evaluate(site, index: index, in: file)
                review(&report, options: options)
                return report
            }
            return .matched(MatchedFile(parsed: parsed, file: file, siteReports: reports))
        }
    }

    /// What `explain` shows: the reports and the skip reason of stages 1 and 2, every diagnostic the build would
    /// print (rendering finds some: advice that cannot apply at a matched site), and no output.
    public func explain(_ source: String, file: FileContext, rules: [Rule], options: RewriteOptions) -> RewriteResult {
        switch match(source, file: file, rules: rules, options: options) {
        case .skipped(let skip):
            return RewriteResult(skipped: skip)
        case .matched(let matched):
            var diagnostics = matched.reports.contains { !$0.matched.isEmpty } ? render(matched, options: options).diagnostics : Diagnostics()
            diagnostics.append(contentsOf: Self.libraryRulesLeftAlone(matched.reports))
            return RewriteResult(output: nil, reports: matched.reports, diagnostics: diagnostics)
        }
    }

    /// Every stage: the rewritten file, or nil output when nothing applies.
    public func rewrite(_ source: String, file: FileContext, rules: [Rule], options: RewriteOptions) -> RewriteResult {
        switch match(source, file: file, rules: rules, options: options) {
        case .skipped(let skip):
            return RewriteResult(skipped: skip)
        case .matched(let matched):
            let rendering = render(matched, options: options)
            var diagnostics = rendering.diagnostics
            diagnostics.append(contentsOf: Self.libraryRulesLeftAlone(matched.reports))
            var result = RewriteResult(
                output: rendering.edits.map { EditApplier.apply($0, to: source) }, reports: matched.reports,
                diagnostics: diagnostics, edits: rendering.edits ?? [])
            result.fileImports = rendering.fileImports
            result.addedImports = rendering.addedImports
            result.moduleDeclarations = rendering.moduleDeclarations
            return result
        }
    }
}

extension LanguageFrontend {
    /// A warning at each site that a library's rule (one with `package:`) matches but that is left alone for a reason
    /// other than an `// instswift:ignore` comment: the library's telemetry is lost there, and nobody chose that.
    static func libraryRulesLeftAlone(_ reports: [SiteReport]) -> Diagnostics {
        var diagnostics = Diagnostics()
        for report in reports where !report.site.isIgnored {
            guard let (rule, reason) = report.skipped.first(where: { $0.rule.package != nil }), let package = rule.package else { continue }
            diagnostics.warning(
                "\(report.site.displayName) is compiled without this \(package.name) rule's advice, so "
                    + "that library's telemetry is missing here: \(reason)",
                at: report.site.location, rule: rule.id)
        }
        return diagnostics
    }
}

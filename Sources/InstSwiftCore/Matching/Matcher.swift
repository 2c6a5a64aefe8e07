/// What the rules made of one site: the rules that apply, the ones that came close and why they did not.
public struct SiteReport: Sendable {
    public var site: Site
    /// Rules whose join point and filters match, in rule order.
    public var matched: [Rule] = []
    /// Rules that came close, with the reason they did not match.
    public var nearMisses: [(ruleID: String, reason: String)] = []
    /// Matched rules that are not applied here, each with why (an ignore comment, a construct their advice cannot
    /// take), in rule order.
    public var skipped: [(rule: Rule, reason: String)] = []

    /// The rules that will actually be applied.
    public var applied: [Rule] {
        skipped.isEmpty ? matched : matched.filter { rule in !skipped.contains { $0.rule.id == rule.id } }
    }

    /// Leaves `rule` out at this site, for `reason`.
    public mutating func skip(_ rule: Rule, because reason: String) {
        guard !skipped.contains(where: { $0.rule.id == rule.id }) else { return }
        skipped.append((rule, reason))
    }
}

/// Matches every rule against a site: the filters first (module, file, package and version), then the join point.
public enum Matcher {
    public static func evaluate(_ site: Site, rules: [Rule], in file: FileContext) -> SiteReport {
        evaluate(site, index: RuleIndex(rules, file: file), in: file)
    }

    /// ``evaluate(_:rules:in:)`` with the rules indexed once for the file's sites.
    public static func evaluate(_ site: Site, index: RuleIndex, in file: FileContext) -> SiteReport {
        var report = SiteReport(site: site)
        for position in index.candidates(for: QuickFilter.Key(site)) {
            let rule = index.rules[position]
            let outcome = rule.joinPoint.match(site, in: file)
            switch (outcome, index.filterFailures[position]) {
            case (.matched, nil):
                report.matched.append(rule)
            case (.matched, let reason?):
                report.nearMisses.append((rule.id, reason))
            case (.missed(let reason, let progress), nil) where progress > 0:
                // A rule that misses here and could not apply in this file anyway (another module, file or package) is
                // not close: every site of an app would list every library rule that selects by type alone.
                report.nearMisses.append((rule.id, reason))
            default:
                break
            }
        }
        if site.isIgnored {
            for rule in report.matched { report.skip(rule, because: "ignored by an // instswift:ignore comment") }
        } else if let unsupported = site.unsupported {
            for rule in report.matched where unsupported.blocks(rule) {
                report.skip(rule, because: "unsupported construct: \(unsupported.reason)")
            }
        }
        return report
    }

    /// The rules that could apply anywhere in a file: its module, path and package pass their filters and the text
    /// holds what their join points need. A build skips parsing a file for which this is empty.
    public static func candidates(_ rules: [Rule], for file: FileContext, text: String) -> [Rule] {
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        return rules.filter { filterFailure($0, file) == nil && $0.joinPoint.mayOccur(inFileNamed: name, text: text) }
    }

    static func filterFailure(_ rule: Rule, _ file: FileContext) -> String? {
        if !rule.modules.allows(file.module) {
            return "other module '\(file.module ?? "<unknown>")' (the rule is for \(rule.modules.map(\.pattern).joined(separator: ", ")))"
        }
        if !rule.files.allows(file.path) {
            return "file '\(file.path)' is not among \(rule.files.map(\.pattern).joined(separator: ", "))"
        }
        if rule.package == nil, file.isInTracingPipeline {
            let name = file.package ?? "<unknown>"
            return "package '\(name)' carries the runtime's own spans, so only rules that name it reach it (package: {name: \(name)})"
        }
        if let package = rule.package {
            guard file.package == package.name else {
                return "other package '\(file.package ?? "<unknown>")' (the rule is for '\(package.name)')"
            }
            if let range = package.versions {
                guard let version = file.packageVersion else {
                    return "version of '\(package.name)' is unknown (the rule needs \(range))"
                }
                if !range.contains(version) {
                    return "version \(version) of '\(package.name)' is out of range \(range)"
                }
            }
        }
        return nil
    }
}

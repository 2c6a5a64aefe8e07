import InstSwiftCore
import Testing

@Suite struct MatcherTests {
    let file = FileContext(path: "Sources/App/Handler.swift", module: "App", package: "app")

    func rules(_ yaml: String) throws -> [Rule] {
        try RuleFileLoader(validator: nil).parse(yaml, file: "rules.yml").rules
    }

    func method(_ name: String, labels: [String] = [], type: String = "Handler") -> Site {
        .declaration(
            DeclarationSite(
                kind: .method, name: name, enclosingTypes: [type],
                parameters: labels.map { .init(label: $0, name: $0, type: "Int") },
                location: SourceLocation(file: file.path, line: 3, column: 5)))
    }

    @Test func nearMissExplainsLabels() throws {
        let rules = try rules(
            """
            rules:
              - id: r
                where: {function: {name: handle, labels: [request]}}
                advice: [{span: {}}]
            """)
        let report = Matcher.evaluate(method("handle", labels: ["_"]), rules: rules, in: file)
        #expect(report.matched.isEmpty)
        #expect(report.nearMisses.first?.reason.contains("labels differ") == true)
    }

    @Test func otherModuleIsANearMiss() throws {
        let rules = try rules(
            """
            rules:
              - id: r
                modules: Billing
                where: {function: {name: handle}}
                advice: [{span: {}}]
            """)
        let report = Matcher.evaluate(method("handle"), rules: rules, in: file)
        #expect(report.nearMisses.first?.reason.hasPrefix("other module 'App'") == true)
    }

    /// A library's rule that selects by type alone (every initializer of `TracingMiddleware` in module Hummingbird) is
    /// close to nothing in another module: missing both its filter and its join point, it is not mentioned.
    @Test func aRuleForAnotherModuleThatMissesItsJoinPointIsNotMentioned() throws {
        let yaml = """
            rules:
              - id: r
                modules: MODULE
                where: {function: {type: TracingMiddleware}}
                advice: [{span: {}}]
            """
        let elsewhere = Matcher.evaluate(method("handle"), rules: try rules(yaml.replacingOccurrences(of: "MODULE", with: "Hummingbird")), in: file)
        #expect(elsewhere.matched.isEmpty && elsewhere.nearMisses.isEmpty, "\(elsewhere.nearMisses)")
        let here = Matcher.evaluate(method("handle"), rules: try rules(yaml.replacingOccurrences(of: "MODULE", with: "App")), in: file)
        #expect(here.nearMisses.first?.reason.contains("TracingMiddleware") == true, "\(here.nearMisses)")
    }

    @Test func unrelatedRulesAreNotMentioned() throws {
        let rules = try rules(
            """
            rules:
              - id: r
                where: {function: {name: other}}
                advice: [{span: {}}]
            """)
        let report = Matcher.evaluate(method("handle"), rules: rules, in: file)
        #expect(report.matched.isEmpty && report.nearMisses.isEmpty)
    }

    @Test func versionOutOfRangeIsExplained() throws {
        let rules = try rules(
            """
            package: {name: app, versions: ">=2.0.0"}
            rules:
              - id: r
                where: {function: {}}
                advice: [{span: {}}]
            """)
        var old = file
        old.packageVersion = SemanticVersion("1.0.0")
        let report = Matcher.evaluate(method("handle"), rules: rules, in: old)
        #expect(report.nearMisses.first?.reason == "version 1.0.0 of 'app' is out of range >=2.0.0")
    }

    @Test func ignoredSiteIsSkippedWithReason() throws {
        let rules = try rules(
            """
            rules:
              - id: r
                where: {function: {}}
                advice: [{span: {}}]
            """)
        guard case .declaration(var site) = method("handle") else { return }
        site.isIgnored = true
        let report = Matcher.evaluate(.declaration(site), rules: rules, in: file)
        #expect(report.applied.isEmpty)
        #expect(report.skipped.first?.reason.contains("instswift:ignore") == true)
    }

    /// A construct a closure cannot hold rules out a span, not the statements another rule inserts.
    @Test func closureConstructSkipsOnlyClosureAdvice() throws {
        let rules = try rules(
            """
            rules:
              - id: traced
                where: {function: {name: handle}}
                advice: [{span: {}}]
              - id: counted
                where: {function: {name: handle}}
                advice: [{insert: {before: "count()"}}]
            """)
        guard case .declaration(var site) = method("handle") else { return }
        site.unsupported = .closures("an opaque local")
        let report = Matcher.evaluate(.declaration(site), rules: rules, in: file)
        #expect(report.applied.map(\.id) == ["counted"])
        #expect(report.skipped.map(\.rule.id) == ["traced"])
        #expect(report.skipped.first?.reason == "unsupported construct: an opaque local")

        site.unsupported = .everyEdit("a result builder's body")
        #expect(Matcher.evaluate(.declaration(site), rules: rules, in: file).applied.isEmpty)
    }
}

/// A build parses a file only when some rule could apply to it.
@Suite struct CandidateRulesTests {
    let rules = try! RuleFileLoader(validator: nil).parse(
        """
        rules:
          - id: handle
            where: {function: {name: handle}}
            advice: [{span: {}}]
          - id: any-fetch
            where: {function: {name: 'fetch*'}}
            advice: [{span: {}}]
          - id: billing
            modules: [Billing]
            where: {function: {}}
            advice: [{span: {}}]
          - id: entry
            where: {entry-point: {}}
            advice: [{insert: {before: 'start()'}}]
        """, file: "rules.yml"
    ).rules

    func candidates(_ path: String, module: String = "App", _ text: String) -> [String] {
        Matcher.candidates(rules, for: FileContext(path: path, module: module, package: "app"), text: text).map(\.id)
    }

    @Test func aLiteralNameMustBeInTheText() {
        #expect(candidates("Sources/App/A.swift", "func other() {}") == ["any-fetch"])
        #expect(candidates("Sources/App/A.swift", "func handle() {}") == ["handle", "any-fetch"])
    }

    @Test func modulesFilterFirst() {
        #expect(candidates("Sources/Billing/B.swift", module: "Billing", "func x() {}") == ["any-fetch", "billing"])
    }

    @Test func entryPointsLiveInMainOrAtMain() {
        #expect(candidates("Sources/App/main.swift", "print(1)") == ["any-fetch", "entry"])
        #expect(candidates("Sources/App/App.swift", "@main struct App { static func main() {} }") == ["any-fetch", "entry"])
        #expect(!candidates("Sources/App/Lib.swift", "struct Lib {}").contains("entry"))
    }
}

extension MatcherTests {
    /// The index narrows the rules a site tries, never changes which match or their order: every name shape
    /// (whole, `prefix*`, `*suffix`, general, any) and a combinator, against names that each shape admits or refuses.
    @Test func indexedRulesMatchInRuleOrderAsUnindexed() throws {
        let rules = try rules(
            """
            rules:
              - {id: general, where: {function: {name: "h?ndle*"}}, advice: [{span: {}}]}
              - {id: whole, where: {function: {name: handle}}, advice: [{span: {}}]}
              - {id: prefix, where: {function: {name: "hand*"}}, advice: [{span: {}}]}
              - {id: both, where: {all-of: [{function: {name: "handle*"}}, {function: {kinds: [method]}}]}, advice: [{span: {}}]}
              - {id: suffix, where: {function: {name: "*dle"}}, advice: [{span: {}}]}
              - {id: any, where: {function: {name: "*"}}, advice: [{span: {}}]}
              - {id: longer-prefix, where: {function: {name: "handler*"}}, advice: [{span: {}}]}
              - {id: calls, where: {call: {callee: handle}}, advice: [{span: {}}]}
            """)
        let index = RuleIndex(rules, file: file)
        for name in ["handle", "handler", "hand", "candle", "h", "hündle", ""] {
            let expected = rules.filter {
                if case .matched = $0.joinPoint.match(method(name), in: file) { return true }
                return false
            }.map(\.id)
            #expect(Matcher.evaluate(method(name), index: index, in: file).matched.map(\.id) == expected, "\(name)")
        }
        #expect(Matcher.evaluate(method("handler"), index: index, in: file).matched.map(\.id) == ["general", "prefix", "both", "any", "longer-prefix"])
    }
}

import InstSwiftCore
import InstSwiftSwift
import Testing

/// A function a library's rule matches but leaves alone loses that library's telemetry; the build says so.
@Suite struct LibraryRuleWarningTests {
    static let rules = """
        package:
          name: swift-sdk
        rules:
          - id: server-request
            modules: MCP
            where:
              function:
                name: handle
            advice:
              - span: {}
        """

    /// The catch-all stores the error in a variable of the `do` body's concrete type: left alone (ADR 0016).
    static func source(ignored: Bool) -> String {
        """
        struct Failure: Error {}
        func attempt() throws(Failure) -> Int { 1 }
        \(ignored ? "// instswift:ignore\n" : "")func handle() {
            var failure: Failure? = nil
            do { _ = try attempt() } catch { failure = error }
            _ = failure
        }
        """
    }

    func diagnostics(ignored: Bool, package: String? = "swift-sdk") throws -> [String] {
        let frontend = SwiftFrontend()
        var text = Self.rules
        if package == nil { text = text.replacingOccurrences(of: "package:\n  name: swift-sdk\n", with: "") }
        let rules = try RuleFileLoader(validator: frontend.codeValidator).parse(text, file: "mcp.yml")
        let file = FileContext(path: "Server.swift", module: "MCP", package: "swift-sdk", packageVersion: SemanticVersion("0.12.1")!)
        let result = frontend.rewrite(Self.source(ignored: ignored), file: file, rules: rules.rules, options: RewriteOptions())
        return result.diagnostics.all.map(\.description)
    }

    @Test func aLibraryRulesSiteLeftAloneIsAWarningAtTheFunction() throws {
        let warnings = try diagnostics(ignored: false)
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.hasPrefix("Server.swift:3:1: warning: [server-request] function handle()") == true, "\(warnings)")
        #expect(warnings.first?.contains("swift-sdk") == true && warnings.first?.contains("catch") == true, "\(warnings)")
    }

    @Test func anIgnoreCommentIsAChoiceAndNotWarnedAbout() throws {
        #expect(try diagnostics(ignored: true).isEmpty)
    }

    @Test func theAppsOwnRulesAreNotWarnedAbout() throws {
        // `explain` shows why; a warning in every build of the app's own code would be noise the user already chose.
        #expect(try diagnostics(ignored: false, package: nil).isEmpty)
    }
}

import Foundation
import InstSwiftTestSupport
@testable import InstSwiftBuild
import Testing

/// The per-module step of the compiler shim, on a real checkout layout in a temporary folder.
@Suite struct ModuleRewriteTests {
    /// A root package with one checked-out dependency module (`Dep`) and a rule that spans its `work()`.
    let folder = TemporaryFolder("instswift-module")

    func layout() throws -> (configuration: BuildConfiguration, source: String) {
        let root = try folder.subfolder().path
        let scratch = root + "/.build/instswift"
        let sources = scratch + "/checkouts/dep/Sources/Dep"
        try FileManager.default.createDirectory(atPath: sources, withIntermediateDirectories: true)
        try "// swift-tools-version:6.0\n".write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        let source = sources + "/Work.swift"
        try "public func work() -> Int { 1 }\n".write(toFile: source, atomically: true, encoding: .utf8)
        let rules = root + "/rules.yml"
        try """
        package:
          name: dep
        rules:
          - id: dep.work
            modules: Dep
            where:
              function:
                name: work
            advice:
              - span:
                  name: work
        """.write(toFile: rules, atomically: true, encoding: .utf8)
        let configuration = BuildConfiguration(
            realSwiftc: "/usr/bin/false", packageRoot: root, scratchPath: scratch, workDirectory: scratch + "/instswift/work",
            ruleFiles: [rules], logLevel: .warning, keepWork: false
        )
        return (configuration, source)
    }

    /// Regression (CI on a clean clone): a dependency module compiled before the runtime was reported as needing
    /// `InstSwiftRuntime`, because the link-time support's own comments name it.
    @Test func aCheckoutModuleCompiledBeforeTheRuntimeReachesItAtLinkTime() throws {
        let (configuration, source) = try layout()
        let invocation = CompilerInvocation(arguments: ["-module-name", "Dep", "-I", "/nonexistent/Modules", source])
        let outcome = try ModuleRewrite(configuration: configuration, module: "Dep", invocation: invocation).run()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        #expect(outcome.missingRuntimeModule == nil)
        let copy = try #require(outcome.replacements[source])
        let text = try String(contentsOfFile: copy, encoding: .utf8)
        #expect(text.contains("instswift_v"), "the copy carries the link-time support")
        #expect(!text.contains("\nimport InstSwiftRuntime"))
    }

    /// Regression (corpus, apple/swift-system): a function returning a `~Copyable` type declared in another file of the
    /// module was wrapped, and its span closure cannot return the value.
    @Test func aResultOfANoncopyableTypeOfAnotherFileIsLeftAlone() throws {
        let (configuration, source) = try layout()
        try "public func work() -> Token { Token() }\n".write(toFile: source, atomically: true, encoding: .utf8)
        let token = URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent("Token.swift").path
        try "public struct Token: ~Copyable {\n    public init() {}\n}\n".write(toFile: token, atomically: true, encoding: .utf8)
        let invocation = CompilerInvocation(arguments: ["-module-name", "Dep", "-I", "/nonexistent/Modules", token, source])
        let outcome = try ModuleRewrite(configuration: configuration, module: "Dep", invocation: invocation).run()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        #expect(outcome.replacements.isEmpty && outcome.report.sites.isEmpty)
    }

    /// Regression (corpus, apple/swift-system's tests): a module compiled after one that declares a `~Copyable` type
    /// (its tests, a dependent target) leaves alone what returns that type.
    @Test func aResultOfANoncopyableTypeOfAnImportedModuleIsLeftAlone() throws {
        let (configuration, source) = try layout()
        let token = URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent("Token.swift").path
        try "public struct Token: ~Copyable {\n    public init() {}\n}\n".write(toFile: token, atomically: true, encoding: .utf8)
        let library = CompilerInvocation(arguments: ["-module-name", "Lib", "-I", "/nonexistent/Modules", token])
        _ = try ModuleRewrite(configuration: configuration, module: "Lib", invocation: library).run()
        try "public func work() -> Token { Token() }\n".write(toFile: source, atomically: true, encoding: .utf8)
        let dependent = CompilerInvocation(arguments: ["-module-name", "Dep", "-I", "/nonexistent/Modules", source])
        let outcome = try ModuleRewrite(configuration: configuration, module: "Dep", invocation: dependent).run()
        #expect(outcome.replacements.isEmpty && outcome.report.sites.isEmpty)
    }
}

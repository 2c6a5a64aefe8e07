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

    /// A module built with `NonisolatedNonsendingByDefault` gets the `nonsending` span entries for its nonisolated async
    /// functions; `:migrate` only warns about the change, so it changes nothing.
    @Test func nonsendingByDefaultIsReadFromTheModuleFeatures() throws {
        for (feature, entry) in [
            ("NonisolatedNonsendingByDefault", "InstSwift.nonsendingAsyncSpan"), ("NonisolatedNonsendingByDefault:migrate", "InstSwift.asyncSpan("),
        ] {
            let (configuration, source) = try layout()
            try "public func work() async -> Int { 1 }\n".write(toFile: source, atomically: true, encoding: .utf8)
            let invocation = CompilerInvocation(arguments: [
                "-module-name", "Dep", "-enable-upcoming-feature", feature, "-I", "/nonexistent/Modules", source,
            ])
            let outcome = try ModuleRewrite(configuration: configuration, module: "Dep", invocation: invocation).run()
            let copy = try #require(outcome.replacements[source])
            #expect(try String(contentsOfFile: copy, encoding: .utf8).contains(entry), "\(feature)")
        }
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

    /// Regression (corpus: Graphiti's tests, whose properties its library's `@TypeDefinitions` builds): a body built
    /// by a result builder of a module compiled earlier is left alone, whatever the builder is called.
    @Test func aBodyBuiltByAResultBuilderOfAnImportedModuleIsLeftAlone() throws {
        let (configuration, source) = try layout()
        let builder = URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent("Lines.swift").path
        try "@resultBuilder\npublic enum Lines {\n    public static func buildBlock(_ parts: String...) -> [String] { parts }\n}\n"
            .write(toFile: builder, atomically: true, encoding: .utf8)
        let library = CompilerInvocation(arguments: ["-module-name", "Lib", "-I", "/nonexistent/Modules", builder])
        _ = try ModuleRewrite(configuration: configuration, module: "Lib", invocation: library).run()
        try "@Lines public func work() -> [String] {\n    \"a\"\n    \"b\"\n}\n".write(toFile: source, atomically: true, encoding: .utf8)
        let dependent = CompilerInvocation(arguments: ["-module-name", "Dep", "-I", "/nonexistent/Modules", source])
        let outcome = try ModuleRewrite(configuration: configuration, module: "Dep", invocation: dependent).run()
        #expect(outcome.replacements.isEmpty && outcome.report.sites.isEmpty)
    }

    /// Regression (corpus, swift-property-based): a method in an extension, in another file than the generic type it
    /// extends, whose result applies another generic type to the extended type's non-`Sendable` parameter.
    @Test func anExtensionOfAGenericTypeOfAnotherFileIsChecked() throws {
        let (configuration, source) = try layout()
        let types = URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent("Types.swift").path
        try "public struct Box<T: Sendable> {}\npublic struct Gen<Value> {}\n".write(toFile: types, atomically: true, encoding: .utf8)
        try "extension Gen {\n    public func work() -> Box<Value>? { nil }\n}\n".write(toFile: source, atomically: true, encoding: .utf8)
        let invocation = CompilerInvocation(arguments: ["-module-name", "Dep", "-I", "/nonexistent/Modules", types, source])
        let outcome = try ModuleRewrite(configuration: configuration, module: "Dep", invocation: invocation).run()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        #expect(outcome.replacements.isEmpty && outcome.report.sites.isEmpty)
    }

    /// Regression (corpus: swift-argument-parser, whose command plugins' tools use its library): SwiftPM compiles a
    /// module a build tool uses twice under one name, into `Foo.build` and `Foo-tool.build`, maybe at once; each compile
    /// must read its own output file map, or one writes its objects where the other's link looks for them.
    @Test func aModuleBuiltForToolsTooKeepsItsOwnOutputFileMap() throws {
        let (configuration, source) = try layout()
        var maps: [String] = []
        for folder in ["Dep.build", "Dep-tool.build"] {
            let build = try buildFolder(folder)
            let map = build + "/output-file-map.json"
            try #"{"\#(source)": {"object": "\#(build)/Work.swift.o"}}"#.write(toFile: map, atomically: true, encoding: .utf8)
            let invocation = CompilerInvocation(arguments: ["-module-name", "Dep", "-output-file-map", map, source])
            let directory = invocation.argumentsDirectory(module: "Dep", workDirectory: configuration.workDirectory)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let arguments = try invocation.forRealCompiler([source: "/copy/Work.instswift.swift"], directory: directory)
            maps.append(arguments[arguments.firstIndex(of: "-output-file-map")! + 1])
        }
        #expect(maps[0] != maps[1])
        for (map, folder) in zip(maps, ["Dep.build", "Dep-tool.build"]) {
            let text = try String(contentsOfFile: map, encoding: .utf8)
            #expect(text.contains("/\(folder)/Work.swift.o") && text.contains("/copy/Work.instswift.swift"), "\(text)")
        }
    }

    /// A folder of that name in the test's temporary folder.
    func buildFolder(_ name: String) throws -> String { try folder.subfolder(name).path }
}

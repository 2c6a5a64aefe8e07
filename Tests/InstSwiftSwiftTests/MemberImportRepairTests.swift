import Foundation
import InstSwiftCore
import InstSwiftTestSupport
@testable import InstSwiftBuild
import Testing

/// A `MemberImportVisibility` module whose compile fails because a file does not import the C module a declaration was
/// attributed to is compiled again with that import (swift-nio-ssl: `in_addr()` attributed to `CNIOLinux`).
@Suite struct MemberImportRepairTests {
    let folder = TemporaryFolder("instswift-member-imports")

    @Test func findsTheMissingCModulesInPlainAndParseableOutput() throws {
        let swiftModules = try folder.subfolder("Modules").path
        #expect(FileManager.default.createFile(atPath: swiftModules + "/NIOCore.swiftmodule", contents: Data()))
        let file = "/src/My Lib/Café.swift"
        let plain = """
            \(file):32:24: error: initializer 'init()' is not available due to missing import of defining module 'CNIOLinux' [#MemberImportVisibility]
               |                        `- error: initializer 'init()' is not available due to missing import of defining module 'CNIOLinux'
            \(file):40:9: error: instance method 'write' is not available due to missing import of defining module 'NIOCore'
            /elsewhere/Other.swift:1:1: error: initializer 'init()' is not available due to missing import of defining module 'CShim'
            \(file):41:1: error: cannot find 'x' in scope
            """
        let sources: Set = [file]
        #expect(
            MemberImportRepair.missingImports(in: plain, sources: sources, importPaths: [swiftModules])
                == [.init(location: SourceLocation(file: file, line: 32, column: 24), module: "CNIOLinux")])
        // `-parseable-output`, as SwiftPM runs the driver: diagnostics inside JSON strings, slashes escaped.
        let escaped = file.replacingOccurrences(of: "/", with: "\\/")
        let parseable = """
            412
            {
              "kind" : "finished",
              "output" : "\(escaped):32:24: error: initializer 'init()' is not available due to missing import of defining module 'CNIOLinux' [#MemberImportVisibility]\\n 32 |  var a = in_addr()\\n"
            }
            """
        #expect(
            MemberImportRepair.missingImports(in: parseable, sources: sources, importPaths: [swiftModules])
                == [.init(location: SourceLocation(file: file, line: 32, column: 24), module: "CNIOLinux")])
    }

    @Test func anAddedImportIsWrittenAsTheModulesOtherFilesWriteIt() {
        #expect(MemberImportRepair.importDeclaration(of: "CShim", asIn: ["import Foundation\n", nil]) == "import CShim")
        #expect(
            MemberImportRepair.importDeclaration(of: "CShim", asIn: ["import Foundation\n@_implementationOnly import CShim\n"])
                == "@_implementationOnly import CShim")
        #expect(MemberImportRepair.importDeclaration(of: "CShim", asIn: ["internal import CShim // C"]) == "internal import CShim")
        #expect(MemberImportRepair.importDeclaration(of: "CShim", asIn: ["import CShimExtras\n"]) == "import CShim")
    }

    /// With the real compiler: `Use.swift` reads the fields of a C struct that it does not import the module of. The
    /// first compile fails on exactly that; the imports are recorded, the module rewritten with `import CShim` added to
    /// that file only, and the second compile succeeds. A later build adds the import at once.
    @Test func aCompileMissingACModuleImportIsRepairedAndRemembered() throws {
        let swiftc = run(["which", "swiftc"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(!swiftc.isEmpty, "swiftc is on PATH")
        let root = try folder.subfolder("package").path
        let scratch = root + "/.build/instswift"
        let sources = scratch + "/checkouts/dep/Sources/Dep"
        let include = root + "/CShim/include"
        try FileManager.default.createDirectory(atPath: sources, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: include, withIntermediateDirectories: true)
        try "module CShim {\n    header \"cshim.h\"\n    export *\n}\n".write(toFile: include + "/module.modulemap", atomically: true, encoding: .utf8)
        try "struct cshim_pair { int first; int second; };\n".write(toFile: include + "/cshim.h", atomically: true, encoding: .utf8)
        try "// swift-tools-version:6.0\n".write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        let make = sources + "/Make.swift", use = sources + "/Use.swift"
        try "import CShim\n\nfunc makePair() -> cshim_pair { cshim_pair(first: 1, second: 2) }\n"
            .write(toFile: make, atomically: true, encoding: .utf8)
        try "public func total() -> Int32 {\n    let pair = makePair()\n    return pair.first + pair.second\n}\n"
            .write(toFile: use, atomically: true, encoding: .utf8)
        let rules = root + "/rules.yml"
        try """
        rules:
          - id: dep.make
            package:
              name: dep
            where:
              function:
                name: makePair
            advice:
              - span: {}
        """.write(toFile: rules, atomically: true, encoding: .utf8)
        let configuration = BuildConfiguration(
            realSwiftc: swiftc, packageRoot: root, scratchPath: scratch, workDirectory: scratch + "/instswift/work",
            ruleFiles: [rules], logLevel: .warning, keepWork: false
        )
        let invocation = CompilerInvocation(arguments: [
            "-module-name", "Dep", "-parse-as-library", "-swift-version", "6", "-enable-upcoming-feature", "MemberImportVisibility",
            "-Xcc", "-fmodule-map-file=\(include)/module.modulemap", "-typecheck", make, use,
        ])
        let rewrite = ModuleRewrite(configuration: configuration, module: "Dep", invocation: invocation)
        let directory = scratch + "/instswift/work/args"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)

        let first = try rewrite.run()
        #expect(first.replacements[use] == nil, "no rule changes Use.swift")
        let arguments = try invocation.forRealCompiler(first.replacements, directory: directory)
        guard case .repaired(let repaired, let missing) = try MemberImportRepair.compile(arguments, rewrite: rewrite, directory: directory) else {
            Issue.record("the compile was not repaired")
            return
        }
        #expect(!missing.isEmpty && missing.allSatisfy { $0.module == "CShim" && $0.location.file == use && $0.location.line == 3 }, "\(missing)")
        let retry = try CapturedRun(tool: swiftc, arguments: repaired, directory: directory)
        #expect(retry.status == 0, "\(retry.output)")

        // The next build's rewrite adds the import to Use.swift's copy (which keeps the original's lines) at once.
        let later = try rewrite.run()
        let copy = try String(contentsOfFile: try #require(later.replacements[use]), encoding: .utf8)
        #expect(copy.hasPrefix("#sourceLocation(file: \"\(use)\", line: 1)\npublic func total()"))
        #expect(copy.hasSuffix("import CShim\n/*</instswift>*/"))
        let again = try invocation.forRealCompiler(later.replacements, directory: directory)
        guard case .finished(let run) = try MemberImportRepair.compile(again, rewrite: rewrite, directory: directory) else {
            Issue.record("the remembered import did not make the first compile pass")
            return
        }
        #expect(run.status == 0, "\(run.output)")
    }

    /// A module without the feature is compiled as it is, whatever is recorded.
    @Test func recordedImportsApplyOnlyToModulesWithTheFeature() throws {
        let root = try folder.subfolder("plain").path
        let source = root + "/Sources/App/Use.swift"
        try FileManager.default.createDirectory(atPath: root + "/Sources/App", withIntermediateDirectories: true)
        try "// swift-tools-version:6.0\n".write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        try "func f() {}\n".write(toFile: source, atomically: true, encoding: .utf8)
        let rules = root + "/rules.yml"
        try "rules:\n  - id: app.none\n    where:\n      function:\n        name: nothingHere\n    advice:\n      - span: {}\n"
            .write(toFile: rules, atomically: true, encoding: .utf8)
        let configuration = BuildConfiguration(
            realSwiftc: "/usr/bin/false", packageRoot: root, scratchPath: root + "/.build", workDirectory: root + "/.build/work",
            ruleFiles: [rules], logLevel: .warning, keepWork: false
        )
        #expect(try MemberImportRepair(module: "App", workDirectory: configuration.workDirectory).record([source: ["CShim"]]))
        #expect(try !MemberImportRepair(module: "App", workDirectory: configuration.workDirectory).record([source: ["CShim"]]))
        let plain = CompilerInvocation(arguments: ["-module-name", "App", source])
        #expect(try ModuleRewrite(configuration: configuration, module: "App", invocation: plain).run().replacements.isEmpty)
        let visible = CompilerInvocation(arguments: ["-module-name", "App", "-enable-upcoming-feature", "MemberImportVisibility", source])
        #expect(try ModuleRewrite(configuration: configuration, module: "App", invocation: visible).run().replacements[source] != nil)
    }
}

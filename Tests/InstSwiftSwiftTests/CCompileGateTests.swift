import Foundation
@testable import InstSwiftBuild
import InstSwiftCore
import InstSwiftSwift
import Testing

/// The `instswift-cc` script sends only the C compiles of targets that C rules name to instswift.
@Suite struct CCompileGateTests {
    func rules(_ yaml: String) throws -> [Rule] {
        try RuleFileLoader(validator: SwiftFrontend().codeValidator).parse(yaml, file: "rules.yml").rules
    }

    func cRule(_ id: String, modules: String?) -> String {
        "  - id: \(id)\n    language: c\n" + (modules.map { "    modules: \($0)\n" } ?? "") + "    where:\n      function: {}\n    advice:\n      - span: {}\n"
    }

    @Test func patternsComeFromTheModulesOfCRules() throws {
        let set = try rules(
            "rules:\n" + cRule("a", modules: "[CYaml]") + cRule("b", modules: "[\"C{Json,Toml}*\"]")
                + "  - id: swift\n    where:\n      function: {}\n    advice:\n      - span: {}\n")
        #expect(CCompileGate.targetPatterns(set) == ["CYaml", "CJson*", "CToml*"])
    }

    @Test func aCRuleForEveryTargetOpensTheGate() throws {
        #expect(CCompileGate.targetPatterns(try rules("rules:\n" + cRule("a", modules: "[CYaml]") + cRule("b", modules: nil))) == nil)
        #expect(CCompileGate.targetPatterns(try rules("rules:\n" + cRule("a", modules: "[\"C-Yaml\"]"))) == nil)
    }

    /// Runs the script with stand-ins for instswift and the real compiler; returns which one ran.
    func destination(patterns: [String]?, _ arguments: [String], realCC: Bool = true) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-gate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["instswift", "cc"] {
            try "#!/bin/sh\necho \(name)\n".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
            chmod(folder + "/" + name, 0o755)
        }
        let script = folder + "/instswift-cc"
        try CCompileGate.script(instswift: Toolchain.shellQuoted(folder + "/instswift"), targetPatterns: patterns)
            .write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = arguments
        process.environment = realCC ? ["INSTSWIFT_REAL_CC": folder + "/cc"] : [:]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func onlyCompilesOfNamedTargetsReachInstswift() throws {
        let patterns = ["CYaml", "CJson*"]
        let debug = "/p/.build/instswift/x86_64-unknown-linux-gnu/debug"
        #expect(try destination(patterns: patterns, ["-c", "/p/Sources/CYaml/src/parser.c", "-o", "\(debug)/CYaml.build/src/parser.c.o"]) == "instswift")
        #expect(try destination(patterns: patterns, ["-c", "a.c", "-o", "\(debug)/CJsonCore.build/a.c.o"]) == "instswift")
        #expect(try destination(patterns: patterns, ["-I", "\(debug)/CYaml.build/include", "-c", "b.c", "-o", "\(debug)/CNIOBoringSSL.build/b.c.o"]) == "cc")
        #expect(try destination(patterns: patterns, ["-fmodule-name=CYaml", "-c", "a.c", "-o", "\(debug)/Other.build/a.c.o"]) == "instswift")
        // When the command line does not say the target, instswift decides.
        #expect(try destination(patterns: patterns, ["-c", "a.c"]) == "instswift")
        #expect(try destination(patterns: patterns, ["-c", "a.c", "-o", "/tmp/a.o"]) == "instswift")
        #expect(try destination(patterns: patterns, ["-c", "b.c", "-o", "\(debug)/Other.build/b.c.o"], realCC: false) == "instswift")
        #expect(try destination(patterns: nil, ["-c", "b.c", "-o", "\(debug)/Other.build/b.c.o"]) == "instswift")
    }
}

/// Versions a rule's `package:` range is checked against are read when modules compile: on a first build SwiftPM
/// writes them after `instswift swift build` started (the Hummingbird pack matched nothing on a fresh clone).
@Suite struct PackageVersionTests {
    @Test func checkedOutVersionsComeFromTheWorkspaceState() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let state = """
            {"object": {"dependencies": [
              {"packageRef": {"identity": "Hummingbird"}, "state": {"checkoutState": {"version": "2.28.1"}}},
              {"packageRef": {"identity": "local"}, "state": {"name": "fileSystem"}}
            ]}, "version": 6}
            """
        try state.write(to: scratch.appendingPathComponent("workspace-state.json"), atomically: true, encoding: .utf8)
        #expect(PackageLayout.checkedOutVersions(scratchPath: scratch.path) == ["hummingbird": "2.28.1"])
        let configuration = BuildConfiguration(
            realSwiftc: "/usr/bin/true", packageRoot: scratch.path, scratchPath: scratch.path, workDirectory: scratch.path,
            ruleFiles: [], logLevel: .warning, keepWork: false
        )
        let layout = PackageLayout(configuration: configuration)
        let context = layout.fileContext(path: scratch.path + "/checkouts/hummingbird/Sources/Hummingbird/A.swift", module: "Hummingbird")
        #expect(context?.packageVersion == SemanticVersion("2.28.1"))
    }
}

/// Regression (an app whose rule selects every function, with no package filter): the rule reached the runtime's own
/// module through its checkout, which then declared `InstSwift` twice and did not compile; and in the packages the
/// runtime's spans go through, spans started inside the tracer (a span per swift-nio lock taken while a span ended, until
/// the lock was taken twice).
@Suite struct TracingPipelineTests {
    /// A scratch folder with a resolved graph: the runtime depends on swift-nio and swift-log, swift-nio on swift-atomics;
    /// the app's hummingbird depends on swift-nio and on hummingbird-extras, which the runtime does not reach.
    func scratch() throws -> URL {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-pipeline-\(UUID().uuidString)")
        let graph = [
            "instswift-runtime": ["swift-nio", "swift-log"], "swift-nio": ["swift-atomics"], "swift-log": [], "swift-atomics": [],
            "hummingbird": ["swift-nio", "hummingbird-extras"], "hummingbird-extras": [],
        ]
        var dependencies: [String] = []
        for (identity, named) in graph {
            let folder = scratch.appendingPathComponent("checkouts/\(identity)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let packages = named.map { ".package(url: \"https://github.com/example/\($0).git\", from: \"1.0.0\")" }.joined(separator: ", ")
            try "let package = Package(name: \"\(identity)\", dependencies: [\(packages)])\n".write(
                to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
            dependencies.append(#"{"packageRef": {"identity": "\#(identity)", "kind": "remoteSourceControl"}, "subpath": "\#(identity)"}"#)
        }
        try #"{"object": {"dependencies": [\#(dependencies.joined(separator: ", "))]}, "version": 6}"#.write(
            to: scratch.appendingPathComponent("workspace-state.json"), atomically: true, encoding: .utf8)
        return scratch
    }

    func layout(_ scratch: URL) -> PackageLayout {
        PackageLayout(
            configuration: BuildConfiguration(
                realSwiftc: "/usr/bin/true", packageRoot: "/work/App", scratchPath: scratch.path, workDirectory: scratch.path,
                ruleFiles: [], logLevel: .warning, keepWork: false))
    }

    @Test func theRuntimeIsNeverInstrumented() throws {
        let scratch = try scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let layout = layout(scratch)
        #expect(
            layout.fileContext(path: scratch.path + "/checkouts/instswift-runtime/Sources/InstSwiftRuntime/Attributes.swift", module: "InstSwiftRuntime") == nil
        )
        // The runtime as a local path dependency: known by its modules.
        #expect(layout.fileContext(path: "/opt/instswift/Runtime/Sources/InstSwiftOTel/Bootstrap.swift", module: "InstSwiftOTel") == nil)
        // swift-otel and swift-distributed-tracing are in the pipeline even when the runtime is not resolved.
        let otel = layout.fileContext(path: scratch.path + "/checkouts/swift-otel/Sources/OTel/OTel.swift", module: "OTel")
        #expect(otel?.isInTracingPipeline == true)
        let root = layout.fileContext(path: "/work/App/Sources/App/Tracing.swift", module: "Tracing")
        #expect(root != nil && root?.isInTracingPipeline == false)
    }

    @Test func onlyRulesThatNameThemReachThePackagesTheRuntimeDependsOn() throws {
        let scratch = try scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let layout = layout(scratch)
        #expect(layout.tracingPipeline.isSuperset(of: ["instswift-runtime", "swift-nio", "swift-log", "swift-atomics"]))
        #expect(layout.tracingPipeline.isDisjoint(with: ["hummingbird", "hummingbird-extras"]))
        let rules = try RuleFileLoader(validator: SwiftFrontend().codeValidator).parse(
            """
            rules:
              - id: everything
                where: {function: {}}
                advice: [{span: {}}]
              - id: nio
                package: {name: swift-nio}
                where: {function: {}}
                advice: [{span: {}}]
            """, file: "rules.yml"
        ).rules
        func applying(_ path: String, _ module: String) throws -> [String] {
            let context = try #require(layout.fileContext(path: scratch.path + "/checkouts/" + path, module: module))
            return Matcher.candidates(rules, for: context, text: "func f() {}").map(\.id)
        }
        #expect(try applying("swift-nio/Sources/NIOCore/Channel.swift", "NIOCore") == ["nio"])
        #expect(try applying("swift-atomics/Sources/Atomics/Atomic.swift", "Atomics") == [])
        #expect(try applying("hummingbird/Sources/Hummingbird/Router.swift", "Hummingbird") == ["everything"])
        #expect(
            Matcher.candidates(rules, for: FileContext(path: "/work/App/Sources/App/A.swift", module: "App", package: "app"), text: "func f() {}").count == 1)
    }
}

import Foundation
import InstSwiftTestSupport
@testable import InstSwiftBuild
import Testing

/// The plugin-tool modules are worked out once per manifest version and kept in the scratch folder.
@Suite struct BuildToolsCacheTests {
    let scratch = TemporaryFolder("instswift-tools")
    var root: String { scratch.path }

    func writeManifest(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try text.write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
    }

    /// Replaces the cached module list, keeping its key.
    func rewriteCachedModules(_ cacheFile: String, to modules: [String]) throws {
        var cached = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cacheFile))) as! [String: Any]
        cached["modules"] = modules
        try JSONSerialization.data(withJSONObject: cached).write(to: URL(fileURLWithPath: cacheFile))
    }

    /// Regression (corpus, pointfreeco/swift-dependencies): a macro runs in the compiler, never in the program, and
    /// `pin` adds it no runtime; its module was instrumented and the build stopped.
    @Test func macrosAndPluginToolsRunInTheBuild() {
        let description: [String: Any] = [
            "targets": [
                ["name": "Macros", "type": "macro"], ["name": "Gen", "type": "executable"], ["name": "Lib", "type": "library"],
                ["name": "Plugin", "type": "plugin", "target_dependencies": ["Gen"]],
            ]
        ]
        #expect(BuildTools.targetNames(in: description) == ["Macros", "Gen"])
    }

    @Test func theAnswerIsReusedUntilAManifestChanges() throws {
        try writeManifest("// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: \"app\")\n")
        let cacheFile = root + "/build-tools.json"
        #expect(BuildTools.moduleNames(packageRoot: root, environment: [:], cacheFile: cacheFile).isEmpty)
        #expect(FileManager.default.fileExists(atPath: cacheFile))

        // The same manifest: the kept answer, not a new look at the manifest.
        try rewriteCachedModules(cacheFile, to: ["KeptTool"])
        #expect(BuildTools.moduleNames(packageRoot: root, environment: [:], cacheFile: cacheFile) == ["KeptTool"])

        // An edited manifest (another size) is looked at again.
        try writeManifest("// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: \"app2\")\n")
        #expect(BuildTools.moduleNames(packageRoot: root, environment: [:], cacheFile: cacheFile).isEmpty)
    }

    @Test func anUnreadableCacheIsIgnored() throws {
        try writeManifest("// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: \"app\")\n")
        let cacheFile = root + "/build-tools.json"
        try "{ not json".write(toFile: cacheFile, atomically: true, encoding: .utf8)
        #expect(BuildTools.moduleNames(packageRoot: root, environment: [:], cacheFile: cacheFile).isEmpty)
    }
}

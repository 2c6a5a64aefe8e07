import Foundation
import Testing

/// Every expected output (and every input) type-checks against the real runtime, so no fixture can pass with
/// injected code that does not build.
@Suite struct FixtureCompileTests {
    /// Where SwiftPM put the runtime's modules for this test build.
    static var modulesDirectory: URL {
        if let custom = ProcessInfo.processInfo.environment["INSTSWIFT_MODULES_DIR"] { return URL(fileURLWithPath: custom) }
        // The test bundle sits in <scratch>/<configuration>/; the modules next to it.
        let bundle = Bundle.main.bundleURL
        for candidate in [bundle.appendingPathComponent("Modules"), bundle.deletingLastPathComponent().appendingPathComponent("Modules"),
                          repositoryRoot.appendingPathComponent(".build/debug/Modules")]
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("InstSwiftRuntime.swiftmodule").path) {
            return candidate
        }
        return repositoryRoot.appendingPathComponent(".build/debug/Modules")
    }

    @Test(arguments: RewriteCase.all)
    func expectedOutputTypeChecks(_ fixture: RewriteCase) throws {
        let expected = try fixture.read("expected.swift")
        let file = expected == RewriteCase.noChanges ? "input.swift" : "expected.swift"
        let result = run([
            "swiftc", "-typecheck", "-swift-version", "6", "-module-name", fixture.fileContext.module ?? "App",
            "-parse-as-library", "-package-name", fixture.fileContext.package ?? "app", "-I", Self.modulesDirectory.path, fixture.directory.appendingPathComponent(file).path,
        ])
        #expect(result.status == 0, "\(fixture.name)/\(file) does not compile:\n\(result.output)")
        #expect(!result.output.contains("warning:") || (try? fixture.read("input.swift"))?.contains("// expect-warnings") == true,
                "\(fixture.name)/\(file) compiles with warnings:\n\(result.output)")
    }
}

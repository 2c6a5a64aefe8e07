import Foundation
import InstSwiftTestSupport
import InstSwiftSwift
import Testing

/// Every expected output (and every input) type-checks against the real runtime, so no fixture can pass with
/// injected code that does not build.
@Suite struct FixtureCompileTests {
    /// Where SwiftPM put the runtime's modules for this test build.
    static var modulesDirectory: URL {
        if let custom = ProcessInfo.processInfo.environment["INSTSWIFT_MODULES_DIR"] { return URL(fileURLWithPath: custom) }
        // The test bundle sits in <scratch>/<configuration>/; the modules next to it.
        let bundle = Bundle.main.bundleURL
        for candidate in [
            bundle.appendingPathComponent("Modules"), bundle.deletingLastPathComponent().appendingPathComponent("Modules"),
            repositoryRoot.appendingPathComponent(".build/debug/Modules"),
        ]
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("InstSwiftRuntime.swiftmodule").path) {
            return candidate
        }
        return repositoryRoot.appendingPathComponent(".build/debug/Modules")
    }

    /// Clang module maps the runtime's C dependencies need (SwiftPM passes the same to its own compiles).
    static let clangModuleFlags: [String] = {
        let manager = FileManager.default
        let build = modulesDirectory.deletingLastPathComponent()
        var flags: [String] = []
        for entry in (try? manager.contentsOfDirectory(atPath: build.path)) ?? [] where entry.hasSuffix(".build") {
            let map = build.appendingPathComponent(entry).appendingPathComponent("module.modulemap")
            if manager.fileExists(atPath: map.path) { flags += ["-Xcc", "-fmodule-map-file=\(map.path)"] }
        }
        // The scratch folder is the nearest one above the build folder that holds `checkouts`.
        var scratch = build
        while scratch.path != "/", !manager.fileExists(atPath: scratch.appendingPathComponent("checkouts").path) {
            scratch.deleteLastPathComponent()
        }
        let checkouts = scratch.appendingPathComponent("checkouts")
        if let walker = manager.enumerator(atPath: checkouts.path) {
            while let item = walker.nextObject() as? String {
                if item.hasSuffix("/include/module.modulemap") {
                    flags += ["-Xcc", "-I", "-Xcc", checkouts.appendingPathComponent(item).deletingLastPathComponent().path]
                }
            }
        }
        return flags
    }()

    @Test(arguments: RewriteCase.all)
    func expectedOutputTypeChecks(_ fixture: RewriteCase) throws {
        let expected = try fixture.read("expected.swift")
        let file = expected == RewriteCase.noChanges ? "input.swift" : "expected.swift"
        // A `main.swift` fixture is top-level code; every other one is a library file.
        // A `main.swift` is top-level code unless an `@main` type is its entry point (SwiftPM then passes -parse-as-library).
        let isMain = fixture.fileContext.path.hasSuffix("main.swift") && !((try? fixture.read("input.swift")) ?? "").contains("@main")
        // A link-time fixture that names the support code instead of carrying it compiles with the code put back.
        var completed: String?
        if expected.contains(RewriteCase.supportPlaceholder) {
            let support = SwiftFrontend.appendingLinkTimeSupport(to: "", moduleImports: try fixture.run().result.fileImports)
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-fixture-\(UUID().uuidString).swift").path
            try expected.replacingOccurrences(of: RewriteCase.supportPlaceholder, with: support)
                .write(toFile: copy, atomically: true, encoding: .utf8)
            completed = copy
        }
        defer { if let completed { try? FileManager.default.removeItem(atPath: completed) } }
        let path = completed ?? fixture.directory.appendingPathComponent(file).path
        let result = run(
            [
                // -emit-sil, not -typecheck: data-race checks (sending non-Sendable values) run on SIL.
                "swiftc", "-emit-sil", "-o", "/dev/null", "-swift-version", "6", "-module-name", fixture.fileContext.module ?? "App",
                "-package-name", fixture.fileContext.package ?? "app", "-I", Self.modulesDirectory.path,
            ] + (isMain ? [] : ["-parse-as-library"]) + fixture.features.flatMap { ["-enable-experimental-feature", $0] }
                + fixture.upcomingFeatures.flatMap { ["-enable-upcoming-feature", $0] } + Self.clangModuleFlags + [path])
        #expect(result.status == 0, "\(fixture.name)/\(file) does not compile:\n\(result.output)")
        #expect(
            !result.output.contains("warning:") || (try? fixture.read("input.swift"))?.contains("// expect-warnings") == true,
            "\(fixture.name)/\(file) compiles with warnings:\n\(result.output)")
    }
}

import Foundation
import InstSwiftSwift

/// Test modules that bootstrap tracing themselves (`OTel.bootstrap`, `InstrumentationSystem.bootstrap`, ...).
///
/// `instswift swift test` lets the runtime bootstrap tracing on a test process's first span, since a test runner's
/// generated main has no entry point a rule can reach. Tracing can be bootstrapped once per process, and
/// swift-distributed-tracing stops the process on a second time: swift-otel's own suite, whose exit tests call
/// `OTel.bootstrap`, died of SIGILL after an instrumented span had bootstrapped first. So each module compiled records
/// here whether one of its test files (importing Testing or XCTest) bootstraps tracing, and the runtime does not
/// bootstrap a test process while any record exists — the tests trace as they set up, as a program that bootstraps
/// itself is left alone.
enum SelfBootstrappingTests {
    /// Names the folder of records for the runtime.
    static let environmentKey = "INSTSWIFT_SELF_BOOTSTRAPPING_TESTS"

    static func folder(in workDirectory: String) -> String { workDirectory + "/self-bootstrapping-tests" }

    /// `path:line` of the first test file of a module that bootstraps tracing, if any.
    static func find(paths: [String], texts: [String?]) -> String? {
        for (path, text) in zip(paths, texts) {
            guard let text, importsTestLibrary(text), let line = SwiftFrontend.selfBootstrapLine(in: text) else { continue }
            return "\(path):\(line)"
        }
        return nil
    }

    /// Records `found` for `module`, or removes the module's record when its tests no longer bootstrap tracing.
    static func record(_ found: String?, module: String, workDirectory: String) throws {
        let path = folder(in: workDirectory) + "/" + module
        guard let found else {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            return
        }
        try FileManager.default.createDirectory(atPath: folder(in: workDirectory), withIntermediateDirectories: true)
        _ = try AtomicFile.writeIfChanged(found + "\n", to: path)
    }

    private static func importsTestLibrary(_ text: String) -> Bool {
        text.contains("import Testing") || text.contains("import XCTest")
    }
}

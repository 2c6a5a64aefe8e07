import Foundation
import Testing

/// The `instswift` binary of this build, run as a user would.
@Suite struct CLITests {
    static var binary: String {
        let built = FixtureCompileTests.modulesDirectory.deletingLastPathComponent().appendingPathComponent("instswift").path
        return ProcessInfo.processInfo.environment["INSTSWIFT_BIN"] ?? built
    }

    let fixture = repositoryRoot.appendingPathComponent("Fixtures/rewrite/extract-context")

    @Test func diffExitsOneAndShowsTheSpan() {
        let result = run([Self.binary, "diff", "--rules", "rules.yml", "input.swift"], in: fixture)
        #expect(result.status == 1)
        #expect(result.output.contains("+func handle(_ request: Request) async throws -> Int {/*<instswift>*/ return try await InstSwift.span(\"handle\""))
        #expect(result.output.hasPrefix("--- input.swift\n+++ input.swift (instrumented)\n@@ "))
    }

    @Test func diffExitsZeroWhenNothingChanges() {
        let negative = repositoryRoot.appendingPathComponent("Fixtures/rewrite/labels-mismatch")
        let result = run([Self.binary, "diff", "--rules", "rules.yml", "input.swift"], in: negative)
        #expect(result.status == 0 && result.output.isEmpty, "\(result.output)")
    }

    @Test func explainGivesTheReasonOfANearMiss() {
        let negative = repositoryRoot.appendingPathComponent("Fixtures/rewrite/labels-mismatch")
        let result = run([Self.binary, "explain", "--rules", "rules.yml", "input.swift"], in: negative)
        #expect(result.output == "input.swift:1:1: function route(path:)\n  not applied [rule]: labels differ: (path:) is not (to:)\n")
    }

    @Test func explainReportsUnsupportedConstructs() {
        let fixture = repositoryRoot.appendingPathComponent("Fixtures/rewrite/transparent-skipped")
        let result = run([Self.binary, "explain", "--rules", "rules.yml", "input.swift"], in: fixture)
        #expect(result.output.contains("skipped [all-functions]: unsupported construct: a @_transparent body"))
    }

    /// libclang is loaded on first use; when it cannot be, C rules fail with the reason, at the file, and never pass
    /// silently. (A separate process: in-process, a failed load would stay failed for every other test.)
    @Test func aMissingLibclangIsALocatedError() {
        let package = repositoryRoot.appendingPathComponent("Fixtures/packages/c-bridge")
        for command in ["diff", "explain"] {
            let result = run(["INSTSWIFT_LIBCLANG=/nonexistent/libclang.so", Self.binary, command, "--rules", "instswift-rules.yml",
                              "--module", "CBridge", "Sources/CBridge/bridge.c"], in: package)
            #expect(result.status == 2, "\(command): \(result.output)")
            #expect(result.output.hasPrefix("""
                Sources/CBridge/bridge.c:1:1: error: [bridge.sum] C rules cannot be applied: \
                INSTSWIFT_LIBCLANG=/nonexistent/libclang.so could not be loaded: 
                """), "\(command): \(result.output)")
        }
    }

    @Test func explainNamesCFunctionsTheCWay() {
        let package = repositoryRoot.appendingPathComponent("Fixtures/packages/c-bridge")
        let result = run([Self.binary, "explain", "--rules", "instswift-rules.yml", "--module", "CBridge", "Sources/CBridge/bridge.c"], in: package)
        #expect(result.output.contains("Sources/CBridge/bridge.c:3:1: function cbridge_is_even(int value)\n  applied [bridge.c]\n"), "\(result.output)")
        #expect(result.output.contains("function cbridge_sum(int count, const char * label, int (*)(int) callback)"), "\(result.output)")
    }

    @Test func validateFailsWithCompilerStyleErrors() {
        let result = run([Self.binary, "rules", "validate", "unknown-span-key.yml"], in: repositoryRoot.appendingPathComponent("Fixtures/rule-errors"))
        #expect(result.status == 2)
        #expect(result.output == "unknown-span-key.yml:7:11: error: [spans] unknown key 'nmae' in 'span' (did you mean 'name'?)\n")
    }

    @Test func schemaCommandPrintsThePublishedSchema() throws {
        let result = run([Self.binary, "rules", "schema"])
        let published = try String(contentsOf: repositoryRoot.appendingPathComponent("Rules/instswift-rules.schema.json"), encoding: .utf8)
        #expect(result.output == published)
    }
}

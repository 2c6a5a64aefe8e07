import Foundation
import InstSwiftTestSupport
import Testing

/// The `INSTSWIFT_*` variables are a contract between the tool, the runtime (another package, so no shared constant)
/// and their users: every name either side reads has a row in the README's table.
@Suite struct EnvironmentVariableTableTests {
    /// Every `"INSTSWIFT_NAME"` string literal of the Swift and C sources under `folder` (C enum cases, prefixes such
    /// as `"INSTSWIFT_SPAN_"` and `$INSTSWIFT_...` in shell text are not variables read).
    static func namesRead(under folder: String) throws -> Set<String> {
        let root = repositoryRoot.appendingPathComponent(folder)
        var names: Set<String> = []
        let walker = try #require(FileManager.default.enumerator(atPath: root.path))
        while let item = walker.nextObject() as? String {
            guard item.hasSuffix(".swift") || item.hasSuffix(".c") else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(item), encoding: .utf8)
            for match in text.matches(of: /"(INSTSWIFT_[A-Z_]*[A-Z])"/) { names.insert(String(match.1)) }
        }
        return names
    }

    @Test func everyVariableTheToolOrTheRuntimeReadsHasARow() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = Set(readme.matches(of: /\n\| `(INSTSWIFT_[A-Z_]+)` \|/).map { String($0.1) })
        let tool = try Self.namesRead(under: "Sources"), runtime = try Self.namesRead(under: "Runtime/Sources")
        #expect(tool.contains("INSTSWIFT_AUTO_BOOTSTRAP") && runtime.contains("INSTSWIFT_AUTO_BOOTSTRAP"))
        #expect(tool.contains("INSTSWIFT_SELF_BOOTSTRAPPING_TESTS") && runtime.contains("INSTSWIFT_SELF_BOOTSTRAPPING_TESTS"))
        #expect(tool.union(runtime).subtracting(rows).sorted() == [], "read but not in README's table")
        #expect(rows.subtracting(tool.union(runtime)).sorted() == [], "in README's table but read nowhere")
    }
}

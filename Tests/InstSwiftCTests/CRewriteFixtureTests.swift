import Foundation
import InstSwiftC
import InstSwiftCore
import InstSwiftTestSupport
import Testing

/// One `Fixtures/rewrite-c/<case>/` folder: `rules.yml`, `input.c`, `expected.c` (or `<no changes>`), optional headers
/// and an optional `context` line `module=M package=P`.
struct CRewriteCase: CustomTestStringConvertible, Sendable {
    let folder: FixtureFolder
    init(name: String) { folder = FixtureFolder(suite: "rewrite-c", name: name) }

    var name: String { folder.name }
    var directory: URL { folder.directory }
    var testDescription: String { name }

    static let noChanges = FixtureFolder.noChanges

    static var all: [CRewriteCase] { FixtureFolder.all(in: "rewrite-c").map { CRewriteCase(name: $0.name) } }

    func read(_ file: String) throws -> String { try folder.read(file) }

    var fileContext: FileContext {
        var context = FileContext(path: "input.c", module: "CFixture", package: "app")
        for (key, value) in folder.context {
            if key == "module" { context.module = value }
            if key == "package" { context.package = value }
        }
        return context
    }

    func run(header: Bool = false) throws -> (output: String, result: RewriteResult) {
        let rules = try RuleFileLoader(validator: nil).parse(try read("rules.yml"), file: "rules.yml")
        var options = RewriteOptions(emitSourceLocationHeader: header)
        options.compilerArguments = ["-I", directory.path]
        let result = CFrontend().rewrite(try read("input.c"), file: fileContext, rules: rules.rules, options: options)
        return (result.output ?? Self.noChanges, result)
    }
}

@Suite struct CRewriteFixtureTests {
    @Test(arguments: CRewriteCase.all)
    func rewriteMatchesExpectation(_ fixture: CRewriteCase) throws {
        let (output, _) = try fixture.run()
        if isRecording {
            Issue.record(Comment(rawValue: try fixture.folder.record(output, as: "expected.c")))
            return
        }
        let expected = try fixture.read("expected.c")
        #expect(output == expected, "\(fixture.name): output differs from expected.c:\n\(output)")
        #expect(try fixture.run().output == output, "rewriting is deterministic")
        if output != CRewriteCase.noChanges {
            #expect(InjectedRegion.strip(output) == (try fixture.read("input.c")), "only injected regions differ")
        }
    }

    /// Every expected output compiles as the build compiles it (prelude and `#line`), with no warning the input does
    /// not also have, under -Wall -Wextra.
    @Test(arguments: CRewriteCase.all)
    func outputCompilesWithoutNewWarnings(_ fixture: CRewriteCase) throws {
        let (output, result) = try fixture.run(header: true)
        guard output != CRewriteCase.noChanges else { return }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-c-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let copy = work.appendingPathComponent("input.c")
        try output.write(to: copy, atomically: true, encoding: .utf8)
        let original = compile(fixture.directory.appendingPathComponent("input.c"), includes: fixture.directory)
        let rewritten = compile(copy, includes: fixture.directory)
        #expect(original.status == 0, "\(fixture.name): the input itself must compile:\n\(original.output)")
        #expect(rewritten.status == 0, "\(fixture.name): rewritten output does not compile:\n\(rewritten.output)\n\(output)")
        #expect(warnings(rewritten.output) == warnings(original.output), "\(fixture.name): new warnings:\n\(rewritten.output)")
        #expect(!result.instrumented.isEmpty)
    }

    @Test func preludeIsTheRuntimeHeader() throws {
        let header = try String(contentsOf: repositoryRoot.appendingPathComponent("Runtime/Sources/CInstSwiftRuntime/include/instswift.h"), encoding: .utf8)
        let (output, _) = try CRewriteCase(name: "single-return").run(header: true)
        #expect(output.hasPrefix(header + "#line 1 \"input.c\"\n"))
    }

    @Test func unparsableFileIsLeftAloneWithAWarning() throws {
        let (output, result) = try CRewriteCase(name: "parse-error-passes-through").run()
        #expect(output == CRewriteCase.noChanges)
        #expect(result.diagnostics.description.contains("warning: not instrumented: the file does not parse without errors"))
    }

    @Test func skippedFunctionsSayWhyInExplain() throws {
        let reasons = [
            "macro-made-function-skipped": "produced by a macro", "macro-body-skipped": "body comes from a macro",
            "noreturn-skipped": "never returns", "naked-skipped": "naked", "ignore-comment": "ignored by an // instswift:ignore",
        ]
        for (name, reason) in reasons {
            let (_, result) = try CRewriteCase(name: name).run()
            let reasons = result.reports.flatMap { $0.skipped.map(\.reason) }
            #expect(reasons.contains { $0.contains(reason) }, "\(name): \(reasons)")
        }
    }

    @Test func attributeOfAnUnsupportedTypeIsAWarning() throws {
        let (_, result) = try CRewriteCase(name: "unsupported-attribute-type").run()
        #expect(result.diagnostics.description.contains("parameter 'rect' of area is a 'struct rect', not an integer or a string"))
    }

    func compile(_ file: URL, includes: URL) -> (status: Int32, output: String) {
        run(["clang", "-c", "-Wall", "-Wextra", "-I", includes.path, "-o", "/dev/null", file.path])
    }

    /// Warning lines without the file path (the copy and the input live in different folders).
    func warnings(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.contains("warning:") }.map { line in
            String(line.drop { $0 != ":" })
        }
    }
}

import Foundation
import InstSwiftTestSupport
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

    /// `diff` and `rewrite` read the module's upcoming features as swiftc takes them, so they show what a build injects.
    @Test func upcomingFeaturesChangeWhatIsShown() {
        let folder = repositoryRoot.appendingPathComponent("Fixtures/rewrite/nonsending-by-default")
        let plain = run([Self.binary, "rewrite", "--rules", "rules.yml", "input.swift"], in: folder)
        let nonsending = run(
            [Self.binary, "rewrite", "--enable-upcoming-feature", "NonisolatedNonsendingByDefault", "--rules", "rules.yml", "input.swift"], in: folder)
        #expect(!plain.output.contains("InstSwift.nonsending") && plain.status == 0, "\(plain.output)")
        #expect(nonsending.output == (try? String(contentsOf: folder.appendingPathComponent("expected.swift"), encoding: .utf8)))
    }

    /// `instswift build` for `instswift swift build` says what was meant.
    @Test func aSwiftPMCommandWithoutSwiftSaysWhatWasMeant() {
        let result = run([Self.binary, "build", "-c", "release"], in: fixture)
        #expect(result.status == 64)
        #expect(result.output.hasPrefix("error: 'build' is not an instswift command (did you mean 'instswift swift build -c release'?)\n"), "\(result.output)")
    }

    /// `instswift traces` without a file finds the one `instswift swift run` wrote from any folder of the package.
    @Test func tracesFindsThePackagesTraceFileFromASubfolder() throws {
        let package = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-traces-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: package) }
        let folder = package.appendingPathComponent("Sources/App"), scratch = package.appendingPathComponent(".build/instswift")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try "// swift-tools-version:6.0\n".write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let span =
            #"{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331","name":"GET /hello","kind":2,"startTimeUnixNano":"1","endTimeUnixNano":"2000001"}"#
        let line = #"{"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"spans":["# + span + "]}]}]}\n"
        try line.write(to: scratch.appendingPathComponent("traces.jsonl"), atomically: true, encoding: .utf8)
        let result = run([Self.binary, "traces"], in: folder)
        #expect(
            result.status == 0 && result.output.contains("trace 0af7651916cd43dd8448eb211c80319c") && result.output.contains("GET /hello"), "\(result.output)")
    }

    /// A failed span's recorded error (its `exception` event) is shown with it, first among its attributes after
    /// `error.type`.
    @Test func tracesShowsAFailedSpansException() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-exception-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let span = #"""
            {"attributes":[{"key":"db.system.name","value":{"stringValue":"postgresql"}}],"endTimeUnixNano":"2000001",\#
            "events":[{"attributes":[{"key":"exception.type","value":{"stringValue":"PSQLError"}},\#
            {"key":"exception.message","value":{"stringValue":"relation \"nope\" does not exist"}}],"name":"exception",\#
            "timeUnixNano":"2000000"}],"kind":3,"name":"SELECT nope","spanId":"b7ad6b7169203331","startTimeUnixNano":"1",\#
            "status":{"code":2,"message":""},"traceId":"0af7651916cd43dd8448eb211c80319c"}
            """#
        try (#"{"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"spans":["# + span + "]}]}]}\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = run([Self.binary, "traces", file.path], in: FileManager.default.temporaryDirectory)
        #expect(
            result.status == 0
                && result.output.contains(#"exception.type=PSQLError exception.message=relation "nope" does not exist db.system.name=postgresql"#),
            "\(result.output)")
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

    /// Regression (corpus, hummingbird 2.28): `consuming any ResponseBodyWriter` consumed inside the span closure.
    @Test func explainSaysWhyBorrowingAndConsumingValuesAreLeftAlone() {
        let fixture = repositoryRoot.appendingPathComponent("Fixtures/rewrite/borrowing-consuming-parameters")
        let output = run([Self.binary, "explain", "--rules", "rules.yml", "input.swift"], in: fixture).output
        let skipped = "  skipped [all-functions]: unsupported construct: the span closure would"
        #expect(output.contains("function finish(_:)\n\(skipped) capture the consuming parameter 'writer: consuming any Writer' by reference"))
        #expect(output.contains("function read(_:)\n\(skipped) have to copy the borrowing parameter 'writer: borrowing any Writer'"))
        #expect(output.contains("method Body.taken()\n\(skipped) capture the consuming 'self' of this method"))
        #expect(output.contains("method Body.doubled()\n\(skipped) have to copy the borrowing 'self' of this method"))
        #expect(output.contains("method Body.plain()\n  applied [all-functions]"))
    }

    /// Regression (swift-async-algorithms 1.1.4's `AsyncShareSequence`, every function instrumented): the compiler crashed.
    @Test func explainSaysWhyATaskCapturingSelfInAnIsolatedFunctionIsLeftAlone() {
        let fixture = repositoryRoot.appendingPathComponent("Fixtures/rewrite/isolated-parameter-task-self-capture")
        let output = run([Self.binary, "explain", "--rules", "rules.yml", "input.swift"], in: fixture).output
        #expect(
            output.contains(
                "method Iteration.next(isolation:id:)\n  skipped [all-functions]: unsupported construct: a closure in it captures '[self]'"),
            "\(output)")
        for wrapped in ["weakly(isolation:)", "renamed(isolation:)", "plain()"] {
            #expect(output.contains("method Iteration.\(wrapped)\n  applied [all-functions]"), "\(output)")
        }
    }

    @Test func explainReportsUnsupportedConstructs() {
        let fixture = repositoryRoot.appendingPathComponent("Fixtures/rewrite/transparent-skipped")
        let result = run([Self.binary, "explain", "--rules", "rules.yml", "input.swift"], in: fixture)
        #expect(result.output.contains("skipped [all-functions]: unsupported construct: a @_transparent body"))
    }

    /// libclang is loaded on first use; when it cannot be, C rules fail with the reason, at the file, and never pass
    /// silently. (A separate process: in-process, a failed load would stay failed for every other test.)
    @Test func aMissingLibclangIsALocatedError() {
        let package = repositoryRoot.appendingPathComponent("Fixtures/packages/wrapper-app")
        for command in ["diff", "explain"] {
            let result = run(
                [
                    "INSTSWIFT_LIBCLANG=/nonexistent/libclang.so", Self.binary, command, "--rules", "wrapper-rules.yml",
                    "--module", "CBridge", "Sources/CBridge/bridge.c",
                ], in: package)
            #expect(result.status == 2, "\(command): \(result.output)")
            #expect(
                result.output.hasPrefix(
                    """
                    Sources/CBridge/bridge.c:1:1: error: [bridge.sum] C rules cannot be applied: \
                    INSTSWIFT_LIBCLANG=/nonexistent/libclang.so could not be loaded: 
                    """), "\(command): \(result.output)")
        }
    }

    /// Advice that cannot apply at a matched site is found while rendering; explain prints it as the build does.
    @Test func explainAndDiffPrintWhatOnlyRenderingFinds() throws {
        let folder = TemporaryFolder("instswift-explain")
        try "rules:\n  - id: wrap-init\n    where:\n      function:\n        kinds: [initializer]\n    advice:\n      - wrap: measure()\n"
            .write(to: folder.url.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        try "struct S {\n    init() {}\n}\n".write(to: folder.url.appendingPathComponent("a.swift"), atomically: true, encoding: .utf8)
        for command in ["explain", "diff"] {
            let result = run([Self.binary, command, "--rules", "rules.yml", "a.swift"], in: folder.url)
            #expect(result.status == 2, "\(command): \(result.output)")
            #expect(result.output.contains("rules.yml:7:"), "\(command): \(result.output)")
            #expect(result.output.contains("error: [wrap-init] 'wrap' cannot apply to an initializer"), "\(command): \(result.output)")
        }
    }

    /// A file of a build's checkout is explained as that build sees it: the package and the version checked out (so a
    /// rule's `package:` constraint applies), and a package the runtime's spans go through is reached only by a rule
    /// that names it.
    @Test func explainOfACheckedOutFileKnowsItsPackageAndTheTracingPipeline() throws {
        let folder = TemporaryFolder("instswift-explain-checkout")
        let scratch = folder.url.appendingPathComponent("app/.build/instswift")
        let state = """
            {"object": {"dependencies": [
              {"packageRef": {"identity": "swift-otel", "kind": "remoteSourceControl", "location": "https://github.com/swift-otel/swift-otel"},
               "state": {"checkoutState": {"version": "1.6.0", "revision": "0"}, "name": "sourceControlCheckout"}, "subpath": "swift-otel"},
              {"packageRef": {"identity": "left-pad", "kind": "remoteSourceControl", "location": "https://github.com/example/left-pad"},
               "state": {"checkoutState": {"version": "2.1.0", "revision": "0"}, "name": "sourceControlCheckout"}, "subpath": "left-pad"}]}}
            """
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try state.write(to: scratch.appendingPathComponent("workspace-state.json"), atomically: true, encoding: .utf8)
        for (package, module) in [("swift-otel", "Lib"), ("left-pad", "Lib"), ("instswift-runtime", "InstSwiftRuntime")] {
            let sources = scratch.appendingPathComponent("checkouts/\(package)/Sources/\(module)")
            try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
            try "func work() {}\n".write(to: sources.appendingPathComponent("Lib.swift"), atomically: true, encoding: .utf8)
        }
        try """
        rules:
          - id: every
            where:
              function: {name: "*"}
            advice:
              - span: {}
          - id: pad-two
            package: {name: left-pad, versions: ">=2.0.0, <3.0.0"}
            where:
              function: {name: work}
            advice:
              - span: {}
        """.write(to: folder.url.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        let pad = run([Self.binary, "explain", "--rules", "rules.yml", "app/.build/instswift/checkouts/left-pad/Sources/Lib/Lib.swift"], in: folder.url)
        #expect(pad.output.contains("function work()\n  applied [every]\n  applied [pad-two]\n"), "\(pad.output)")
        let otel = run([Self.binary, "explain", "--rules", "rules.yml", "app/.build/instswift/checkouts/swift-otel/Sources/Lib/Lib.swift"], in: folder.url)
        #expect(otel.output.contains("not applied [every]: package 'swift-otel' carries the runtime's own spans"), "\(otel.output)")
        #expect(!otel.output.contains("applied [every]\n"), "\(otel.output)")
        let runtime = run(
            [Self.binary, "explain", "--rules", "rules.yml", "app/.build/instswift/checkouts/instswift-runtime/Sources/InstSwiftRuntime/Lib.swift"],
            in: folder.url)
        #expect(runtime.output.contains("skipped: module 'InstSwiftRuntime' is the instswift runtime's own, which is never instrumented"), "\(runtime.output)")
    }

    @Test func explainNamesCFunctionsTheCWay() {
        let package = repositoryRoot.appendingPathComponent("Fixtures/packages/wrapper-app")
        let result = run([Self.binary, "explain", "--rules", "wrapper-rules.yml", "--module", "CBridge", "Sources/CBridge/bridge.c"], in: package)
        #expect(result.output.contains("Sources/CBridge/bridge.c:3:1: function cbridge_is_even(int value)\n  applied [bridge.c]\n"), "\(result.output)")
        #expect(result.output.contains("function cbridge_sum(int count, const char * label, int (*)(int) callback)"), "\(result.output)")
    }

    /// A file named on the command line that no frontend handles is refused with the extensions instswift rewrites.
    @Test func aFileOfAnotherLanguageIsRefusedWithTheExtensionsInstSwiftRewrites() {
        for command in ["rewrite", "diff", "explain"] {
            let result = run([Self.binary, command, "--rules", "rules.yml", "rules.yml"], in: fixture)
            #expect(result.status != 0, "\(command): \(result.output)")
            #expect(result.output.contains("rules.yml: instswift rewrites .swift and .c files"), "\(command): \(result.output)")
        }
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

/// `instswift diff` is made from the insertions (RELIABILITY-FINDINGS D3): linear in the file, CRLF lines kept apart,
/// hunk headers that count the lines they show.
@Suite struct DiffOutputTests {
    static func diff(_ source: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "rules:\n  - id: all\n    where:\n      function: {}\n    advice:\n      - span: {}\n"
            .write(to: folder.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        try source.write(to: folder.appendingPathComponent("a.swift"), atomically: true, encoding: .utf8)
        return run([CLITests.binary, "diff", "--rules", "rules.yml", "a.swift"], in: folder).output
    }

    @Test func hunksCountTheLinesTheyShow() throws {
        let filler = (1...9).map { "// line \($0)" }.joined(separator: "\n")
        let source = "func f() {\n    work()\n}\n" + filler + "\nfunc g() {}\n"
        let output = try Self.diff(source)
        let expected = """
            --- a.swift
            +++ a.swift (instrumented)
            @@ -1,6 +1,6 @@
            -func f() {
            +/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func f() {/*<instswift>*/ return InstSwift.syncSpan("f") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/
                 work()
            -}
            +/*<instswift>*/}/*</instswift>*/}
             // line 1
             // line 2
             // line 3
            @@ -10,4 +10,4 @@
             // line 7
             // line 8
             // line 9
            -func g() {}
            +func g() {/*<instswift>*/ return InstSwift.syncSpan("g") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}

            """
        #expect(output == expected, "\(output)")
    }

    @Test func crlfLinesStayApart() throws {
        let output = try Self.diff("// a\r\n// b\r\nfunc f() {\r\n}\r\n")
        #expect(output.contains("@@ -1,4 +1,4 @@\n // a\r\n // b\r\n-func f() {\r\n+"), "\(output)")
        #expect(output.hasSuffix("-}\r\n+/*<instswift>*/}/*</instswift>*/}\r\n"), "\(output)")
    }

    /// 50,000 lines, every one of 10,000 functions instrumented: an LCS table would need ~20 GB.
    @Test func largeFilesDiffInLinearMemory() throws {
        let source = (0..<10_000).map { "func f\($0)() {\n    let x = \($0)\n    _ = x\n}\n" }.joined() + "\n"
        let output = try Self.diff(source)
        #expect(output.components(separatedBy: "() {/*<instswift>*/ return InstSwift.syncSpan").count == 10_001)
    }
}

import Foundation
@testable import InstSwiftBuild
@testable import InstSwiftC
import InstSwiftTestSupport
import Testing

/// A program that links an instrumented C module but not the runtime gets the link-time stubs, which must define the
/// whole C span API. Regression (corpus, apple/swift-atomics from a dependent that does not trace): its instrumented
/// `_AtomicsShims` failed to link, "undefined reference to 'instswift_span_begin'".
@Suite struct CRuntimeStubsTests {
    /// The functions the C prelude declares (its `static inline` helper is defined in the prelude itself).
    static var declaredFunctions: Set<String> {
        let lines = CPrelude.text.split(separator: "\n").filter { !$0.contains("static inline") && !$0.hasPrefix("typedef") }
        let names = lines.flatMap { line in line.matches(of: /(instswift_[a-z_]+)\(/).map { String($0.output.1) } }
        return Set(names)
    }

    @Test func stubsDefineEveryFunctionOfTheCSpanAPI() throws {
        #expect(Self.declaredFunctions == ["instswift_span_begin", "instswift_span_set_int", "instswift_span_set_string", "instswift_span_end"])
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-stubs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let source = work.appendingPathComponent("stubs.swift")
        let object = work.appendingPathComponent("stubs.o")
        try LinkStep.stubSource.write(to: source, atomically: true, encoding: .utf8)
        let compiled = run(["swiftc", "-parse-as-library", "-module-name", "InstSwiftLinkTimeStubs", "-c", source.path, "-o", object.path])
        #expect(compiled.status == 0 && !compiled.output.contains("warning:"), "\(compiled.output)")
        let symbols = run(["nm", "--defined-only", "--format=just-symbols", object.path])
        let defined = Set(symbols.output.split(separator: "\n").map(String.init))
        for function in Self.declaredFunctions {
            #expect(defined.contains(function), "the stubs do not define \(function)")
        }
    }
}

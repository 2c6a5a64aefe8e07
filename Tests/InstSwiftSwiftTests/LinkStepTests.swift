import Foundation
@testable import InstSwiftBuild
import Testing

/// Which links get the link-time stubs: those that do not link the runtime's objects.
@Suite struct LinkStepTests {
    @Test func theRuntimeIsRecognisedInEveryBuildDestination() {
        #expect(LinkStep.linksRuntime("/p/.build/debug/InstSwiftRuntime.build/InstSwift.swift.o"))
        // Regression (corpus, pointfreeco/swift-dependencies): its macro tests are built for the host, and their link
        // got the stubs beside the runtime ("multiple definition of 'instswift_v1_span_sync'").
        #expect(LinkStep.linksRuntime("/p/.build/debug/InstSwiftRuntime-tool.build/InstSwift.swift.o"))
        #expect(LinkStep.linksRuntime("/p/.build/release/libInstSwiftRuntime.so"))
        #expect(!LinkStep.linksRuntime("/p/.build/debug/CInstSwiftRuntime.build/spans.c.o"))
        #expect(!LinkStep.linksRuntime("/p/.build/debug/App.build/main.swift.o"))
    }

    /// Regression (CI, the wrapper app's two plugin tools linked in parallel): the second link to compile the stubs
    /// replaced the object the first had begun to read, which failed the first ("was modified during the build").
    @Test func aStubObjectAlreadyThereIsNeverReplaced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-stubs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let object = folder + "/stubs.o", first = folder + "/first.tmp.o", second = folder + "/second.tmp.o"
        try "first".write(toFile: first, atomically: false, encoding: .utf8)
        try "second".write(toFile: second, atomically: false, encoding: .utf8)
        let before = try FileManager.default.attributesOfItem(atPath: first)[.systemFileNumber] as? Int
        #expect(LinkStep.publish(first, at: object))
        #expect(LinkStep.publish(second, at: object))
        #expect(try String(contentsOfFile: object, encoding: .utf8) == "first")
        #expect(try FileManager.default.attributesOfItem(atPath: object)[.systemFileNumber] as? Int == before)
    }
}

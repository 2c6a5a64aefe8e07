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
}

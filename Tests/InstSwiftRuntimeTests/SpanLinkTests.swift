@testable import InstSwiftRuntime
import Testing
import Tracing

/// `InstSwift.link(_:to:)`: a span links a remote context only when the headers carry a usable `traceparent`.
@Suite struct SpanLinkTests {
    final class LinkCatchingSpan: Tracing.Span, @unchecked Sendable {
        let context = InstrumentationContext.topLevel
        var operationName = ""
        var attributes: SpanAttributes = [:]
        var isRecording: Bool { true }
        var links: [SpanLink] = []
        func setStatus(_ status: SpanStatus) {}
        func addEvent(_ event: SpanEvent) {}
        func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {}
        func addLink(_ link: SpanLink) { links.append(link) }
        func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {}
    }

    @Test func aValidTraceparentInAnyCaseIsLinked() {
        let span = LinkCatchingSpan()
        InstSwift.link(span, to: ["Traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"])
        #expect(span.links.count == 1)
    }

    @Test(arguments: [[:], ["traceparent": "00-garbage-01"], ["tracestate": "a=b"], ["traceparent": "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"]])
    func headersWithoutAUsableTraceparentLinkNothing(_ headers: [String: String]) {
        let span = LinkCatchingSpan()
        InstSwift.link(span, to: headers)
        #expect(span.links.isEmpty)
    }
}

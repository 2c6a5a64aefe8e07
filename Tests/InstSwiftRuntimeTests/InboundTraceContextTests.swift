@testable import InstSwiftRuntime
import Testing

/// Inbound W3C headers (RELIABILITY-FINDINGS D9, D11): bounded, and recovered as the W3C specification asks.
@Suite struct InboundTraceContextTests {
    static let traceID = "0af7651916cd43dd8448eb211c80319c"

    @Test func aVersionZeroTraceparentIsKept() {
        let value = "00-\(Self.traceID)-b7ad6b7169203331-01"
        #expect(InboundTraceContext.traceparent(value) == value)
    }

    /// "SHOULD parse the known fields" of a later version, with whatever follows them.
    @Test func aFutureVersionIsReadAsVersionZero() {
        #expect(
            InboundTraceContext.traceparent("cc-\(Self.traceID)-b7ad6b7169203331-01-what-the-future-holds")
                == "00-\(Self.traceID)-b7ad6b7169203331-01")
    }

    @Test(arguments: [
        "00-not-a-trace-id-zz", "ff-\(traceID)-b7ad6b7169203331-01", "00-\(traceID)-b7ad6b7169203331-01-extra",
        "00-00000000000000000000000000000000-b7ad6b7169203331-01", "00-\(traceID)-0000000000000000-01",
        "00-\(traceID.uppercased())-b7ad6b7169203331-01", "", String(repeating: "0", count: 100_000),
    ])
    func malformedTraceparentsAreDropped(_ value: String) {
        #expect(InboundTraceContext.traceparent(value) == nil)
    }

    @Test func aTracestateWithinTheLimitsIsKept() {
        #expect(InboundTraceContext.tracestate("rojo=00f067aa0ba902b7, congo=t61rcWkgMzE") == "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE")
        #expect(InboundTraceContext.tracestate("tenant@vendor=x") == "tenant@vendor=x")
    }

    /// A 64 KiB tracestate cost 141 ms of CPU per request and was copied into every span and downstream request.
    @Test func anOversizedTracestateIsDropped() {
        let huge = (0..<7000).map { "k\($0)=v" }.joined(separator: ",")
        #expect(InboundTraceContext.tracestate(huge) == nil)
        let thirtyThree = (0..<33).map { "k\($0)=v" }.joined(separator: ",")
        #expect(InboundTraceContext.tracestate(thirtyThree) == nil)
    }

    @Test(arguments: ["=v", "Upper=v", "k=", "k=a,b", "k=v=w", "k=\u{7F}"])
    func malformedTracestatesAreDropped(_ value: String) {
        #expect(InboundTraceContext.tracestate(value) == nil)
    }

    /// An invalid tracestate is dropped alone: the traceparent beside it still continues the trace.
    @Test func aBadTracestateLeavesTheTraceparent() {
        let headers = ["traceparent": "00-\(Self.traceID)-b7ad6b7169203331-01", "tracestate": "BAD STATE"]
        let extractor = SanitizingExtractor(base: DictionaryExtractor())
        #expect(extractor.extract(key: "traceparent", from: headers) == headers["traceparent"])
        #expect(extractor.extract(key: "tracestate", from: headers) == nil)
    }

    @Test func baggageIsBounded() {
        #expect(InboundTraceContext.baggage(" userId=alice,isProduction=false ") == "userId=alice,isProduction=false")
        #expect(InboundTraceContext.baggage(String(repeating: "k=v,", count: 3000)) == nil)
    }
}

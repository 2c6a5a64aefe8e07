import Instrumentation
@testable import InstSwiftOTel
import InstSwiftRuntime
import Testing
import Tracing

/// instswift's own span pipeline (ADR 0022): W3C trace context read strictly, the specification's samplers, ids and
/// parentage, the bounded queue, and the protobuf writer's in-place lengths.
@Suite struct SpanPipelineTests {
    @Test func aTraceparentRoundTrips() throws {
        let header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        let identity = try #require(SpanIdentity(traceparent: header, traceState: "vendor=value"))
        #expect(identity.traceparent == header && identity.isSampled && identity.isRemote)
        #expect(identity.traceIDHex == "4bf92f3577b34da6a3ce929d0e0e4736" && identity.traceState == "vendor=value")
    }

    @Test(arguments: [
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",  // uppercase
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",  // zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",  // zero span id
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",  // invalid version
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",  // version 00 with more fields
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",  // short
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-zz",  // flags not hex
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",  // separators
        "",
    ])
    func aMalformedTraceparentIsRefused(_ header: String) {
        #expect(SpanIdentity(traceparent: header, traceState: nil) == nil)
    }

    @Test func aLaterVersionMayAppendFields() {
        #expect(SpanIdentity(traceparent: "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-later", traceState: nil) != nil)
        #expect(SpanIdentity(traceparent: "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x", traceState: nil) == nil)
    }

    @Test func theSamplersDecideAsTheSpecificationSays() {
        let parentSampled = SpanIdentity(traceHigh: 1, traceLow: 2, spanID: 3, flags: 1, traceState: nil, isRemote: true)
        var parentDropped = parentSampled
        parentDropped.flags = 0
        let none = PipelineSampler(name: "parentbased_traceidratio", argument: "0")
        #expect(!none.samples(traceLow: 0x1234, parent: nil))
        #expect(none.samples(traceLow: 0x1234, parent: parentSampled) && !none.samples(traceLow: 0x1234, parent: parentDropped))
        let off = PipelineSampler(name: "always_off", argument: nil)
        #expect(!off.samples(traceLow: 1, parent: parentSampled))
        let on = PipelineSampler(name: "always_on", argument: nil)
        #expect(on.samples(traceLow: 1, parent: parentDropped))
        #expect(PipelineSampler(name: nil, argument: nil) == PipelineSampler(root: .alwaysOn, followsParent: true))
        let half = PipelineSampler(name: "traceidratio", argument: "0.5")
        let sampled = (0..<10_000).filter { _ in half.samples(traceLow: SpanIdentity.newTraceID().low, parent: parentDropped) }.count
        #expect((4_500...5_500).contains(sampled), "\(sampled) of 10,000 at ratio 0.5")
    }

    @Test func aChildContinuesItsParentsTraceAndPropagatesIt() throws {
        let tracer = Self.tracer()
        let root = tracer.startSpan("root", context: .topLevel, ofKind: .server, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        let child = tracer.startSpan("child", context: root.context, ofKind: .client, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(child.identity.traceHigh == root.identity.traceHigh && child.identity.traceLow == root.identity.traceLow)
        #expect(child.parentSpanID == root.identity.spanID && root.parentSpanID == 0 && child.identity.spanID != root.identity.spanID)
        var headers: [String: String] = [:]
        tracer.inject(child.context, into: &headers, using: HeaderInjector())
        #expect(headers["traceparent"] == child.identity.traceparent && headers["tracestate"] == nil)
        var received = InstrumentationContext.topLevel
        tracer.extract(headers, into: &received, using: DictionaryExtractor())
        let server = tracer.startSpan("server", context: received, ofKind: .server, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(server.identity.traceLow == root.identity.traceLow && server.parentSpanID == child.identity.spanID && server.parentIsRemote)
    }

    @Test func malformedInboundContextLeavesTheContextAsItWas() {
        let tracer = Self.tracer()
        var context = InstrumentationContext.topLevel
        tracer.extract(["traceparent": "00-zz-yy-01", "tracestate": "a=b"], into: &context, using: DictionaryExtractor())
        #expect(context[SpanIdentityKey.self] == nil)
        tracer.extract(
            ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "tracestate": String(repeating: "x", count: 600)],
            into: &context, using: DictionaryExtractor())
        #expect(context[SpanIdentityKey.self]?.traceState == nil, "an oversized tracestate is dropped alone")
    }

    @Test func withPropagationOffNothingIsInjectedOrExtracted() {
        let tracer = Self.tracer(propagates: false)
        let span = tracer.startSpan("root", context: .topLevel, ofKind: .server, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        var headers: [String: String] = [:]
        tracer.inject(span.context, into: &headers, using: HeaderInjector())
        #expect(headers.isEmpty)
        var received = InstrumentationContext.topLevel
        tracer.extract(
            ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "tracestate": "a=1"], into: &received,
            using: DictionaryExtractor())
        #expect(received[SpanIdentityKey.self] == nil)
        // The control: the same headers with propagation on are read.
        Self.tracer().extract(
            ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"], into: &received, using: DictionaryExtractor())
        #expect(received[SpanIdentityKey.self]?.spanID == 0x00f0_67aa_0ba9_02b7)
    }

    @Test func aSpanIsQueuedOnceWhenItEndsAndOnlyWhenSampled() {
        let tracer = Self.tracer()
        let span = tracer.startSpan("work", context: .topLevel, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        span.attributes["kept"] = "yes"
        span.setStatus(SpanStatus(code: .ok))
        span.setStatus(SpanStatus(code: .error, message: "ignored: ok is final"))
        span.end()
        span.end()
        span.attributes["late"] = "ignored"
        #expect(!span.isRecording)
        let batch = tracer.queue.takeBatch()
        #expect(batch.count == 1 && batch[0].attributes.get("kept") == .string("yes") && batch[0].attributes.get("late") == nil)
        #expect(batch[0].status?.code == .ok)
        let dropped = Self.tracer(sampler: "always_off")
        let unsampled = dropped.startSpan("no", context: .topLevel, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        unsampled.attributes["never"] = "stored"
        unsampled.end()
        #expect(!unsampled.isRecording && unsampled.attributes.get("never") == nil && dropped.queue.count == 0)
    }

    @Test func theFrontDropsTheDescendantsOfADroppedRootWithoutThePipeline() {
        let tracer = Self.tracer(sampler: "parentbased_traceidratio", ratio: "0")
        let front = SamplingFront(base: tracer, policy: .inherited)
        let root = front.startSpan("root", context: .topLevel, ofKind: .server, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(!root.isRecording && front.dropsSpan(under: root.context))
        var headers: [String: String] = [:]
        front.inject(root.context, into: &headers, using: HeaderInjector())
        #expect(headers["traceparent"]?.hasSuffix("-00") == true)
    }

    @Test func recordedAttributesAreSetInPlaceOnThePipelinesSpans() throws {
        let tracer = Self.tracer()
        let front = SamplingFront(base: tracer, policy: .inherited)
        let span = front.startSpan("work", context: .topLevel, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        guard case .startedInPlace = span else {
            Issue.record("the front boxed a span of the pipeline: \(span)")
            return
        }
        InstSwift.record("count", 3, on: span)
        InstSwift.record("name", "x", on: span)
        InstSwift.record("error.type", "Timeout", on: span)
        span.end()
        let record = try #require(tracer.queue.takeBatch().first)
        #expect(record.attributes.get("count") == .int64(3) && record.attributes.get("name") == .string("x"))
        #expect(record.status?.code == .error, "error.type marks the span failed")
    }

    @Test func aFullQueueDropsAndCountsAndHandsOutBatches() {
        let queue = SpanExportQueue(capacity: 3, batchSize: 2)
        for index in 0..<4 { queue.enqueue(Self.record(index)) }
        #expect(queue.count == 3 && queue.drops.count == 1)
        #expect(queue.takeBatch().map(\.name) == ["0", "1"])
        #expect(queue.takeBatch().map(\.name) == ["2"])
        #expect(queue.takeBatch().isEmpty)
    }

    @Test func nestedMessagesGetTheirLengthsInPlace() {
        var writer = ProtobufWriter()
        writer.varint(1, 300)
        #expect(writer.bytes == [0x08, 0xac, 0x02])
        var long = ProtobufWriter()
        long.message(1) { $0.string(1, String(repeating: "a", count: 200)) }
        #expect(long.bytes.count == 206 && Array(long.bytes.prefix(5)) == [0x0a, 0xcb, 0x01, 0x0a, 0xc8])
        var zero = ProtobufWriter()
        zero.oneofInt64(3, 0)
        zero.oneofBool(2, false)
        zero.varint(1, 0)
        #expect(zero.bytes == [0x18, 0x00, 0x10, 0x00])
    }

    static func tracer(sampler: String = "always_on", ratio: String? = nil, propagates: Bool = true) -> PipelineTracer {
        let queue = SpanExportQueue(capacity: 100, batchSize: 10)
        let sink = OTLPHTTPSink(
            endpoint: OTLPEndpoint(url: "http://127.0.0.1:9/v1/traces", headers: [])!,
            encoder: OTLPTraceEncoder(resource: [], scopeName: "test", scopeVersion: "0", limits: SpanLimits(environment: [:])))
        let exporter = SpanExporter(queue: queue, sink: sink, interval: .seconds(1), timeout: .milliseconds(100))
        return PipelineTracer(sampler: PipelineSampler(name: sampler, argument: ratio), exporter: exporter, propagates: propagates)
    }

    static func record(_ index: Int) -> SpanRecord {
        SpanRecord(
            identity: SpanIdentity(traceHigh: 1, traceLow: 1, spanID: UInt64(index + 1), flags: 1, traceState: nil, isRemote: false),
            parentSpanID: 0, parentIsRemote: false, name: "\(index)", kind: .internal, startNanoseconds: 1, endNanoseconds: 2,
            attributes: [:], events: [], links: [], status: nil
        )
    }
}

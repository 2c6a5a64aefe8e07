import Instrumentation
@testable import InstSwiftOTel
import Synchronization
import Testing
import Tracing

/// The sampler's decisions taken in front of swift-otel (issue 14, must 3; ADR 0014): a span whose parent decides is
/// dropped without asking swift-otel, and what propagates is what swift-otel's own sampler would have propagated.
@Suite struct SamplingFrontTests {
    @Test func theDescendantsOfADroppedRootAreDroppedWithoutSwiftOTel() throws {
        let (front, started) = try Self.front(sampler: "parentbased_traceidratio", ratio: 0)
        let root = front.startSpan("root", context: .topLevel, ofKind: .server, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(!root.isRecording && started.count == 1)
        let rootHeader = try #require(Self.traceparent(root.context, front))
        #expect(rootHeader.hasSuffix("-00"))
        let child = front.startSpan("child", context: root.context, ofKind: .client, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        let grandchild = front.startSpan("grandchild", context: child.context, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(!child.isRecording && !grandchild.isRecording)
        #expect(started.count == 1, "swift-otel was asked about a span its parent decides")
        // The next process sees the dropped root's trace, not sampled.
        #expect(Self.traceparent(grandchild.context, front) == rootHeader)
        child.attributes["never"] = "stored"
        #expect(child.attributes["never"] == nil)
    }

    @Test func rootsAndSampledParentsAreSwiftOTelsToDecide() throws {
        let (front, started) = try Self.front(sampler: "parentbased_always_on")
        let root = front.startSpan("root", context: .topLevel, ofKind: .server, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        let child = front.startSpan("child", context: root.context, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(root.isRecording && child.isRecording && started.count == 2)
        child.end()
        root.end()
    }

    @Test func anUnsampledParentFromAnotherProcessDropsTheSpanAndItsDescendants() throws {
        let (front, started) = try Self.front(sampler: "parentbased_always_on")
        let header = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00"
        var received = InstrumentationContext.topLevel
        front.extract(["traceparent": header], into: &received, using: DictionaryExtractor())
        let server = front.startSpan("server", context: received, ofKind: .server, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        let inner = front.startSpan("inner", context: server.context, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(!server.isRecording && !inner.isRecording && started.count == 1)
        #expect(Self.traceparent(inner.context, front)?.hasPrefix("00-0af7651916cd43dd8448eb211c80319c-") == true)
    }

    @Test func aSampledContextExtractedIntoADroppedOneReplacesIt() throws {
        let (front, _) = try Self.front(sampler: "parentbased_traceidratio", ratio: 0)
        let dropped = front.startSpan("dropped", context: .topLevel, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        var context = dropped.context
        front.extract(["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"], into: &context, using: DictionaryExtractor())
        let server = front.startSpan("server", context: context, ofKind: .server, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(server.isRecording)
        #expect(Self.traceparent(server.context, front)?.hasPrefix("00-4bf92f3577b34da6a3ce929d0e0e4736-") == true)
        server.end()
        // A carrier without a trace context leaves the mark.
        var unrelated = dropped.context
        front.extract(["accept": "*/*"], into: &unrelated, using: DictionaryExtractor())
        #expect(!front.startSpan("next", context: unrelated, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1).isRecording)
    }

    @Test func alwaysOffNeverAsksSwiftOTelAndPropagatesASampledParentAsNotSampled() throws {
        let (front, started) = try Self.front(sampler: "always_off")
        var received = InstrumentationContext.topLevel
        front.extract(["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"], into: &received, using: DictionaryExtractor())
        let server = front.startSpan("server", context: received, ofKind: .server, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        let root = front.startSpan("root", context: .topLevel, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(!server.isRecording && !root.isRecording && started.count == 0)
        let header = try #require(Self.traceparent(server.context, front))
        #expect(header.hasPrefix("00-4bf92f3577b34da6a3ce929d0e0e4736-") && header.hasSuffix("-00"))
        #expect(!header.contains("00f067aa0ba902b7"), "the dropped span has an id of its own")
        #expect(Self.traceparent(root.context, front) == nil)
    }

    @Test func theSamplerNamesMapToPolicies() {
        #expect(SamplingPolicy(sampler: nil) == .inherited)
        #expect(SamplingPolicy(sampler: "always_on") == .alwaysOn)
        #expect(SamplingPolicy(sampler: "always_off") == .alwaysOff)
        #expect(SamplingPolicy(sampler: "traceidratio") == .inherited)
        #expect(SamplingPolicy(sampler: "parentbased_always_off") == .inherited)
    }

    /// The front over admission over swift-otel with `sampler`, and how many spans reached swift-otel.
    static func front(sampler: String, ratio: Double = 1) throws -> (some Tracer, StartCount) {
        let counting = CountingTracer(base: try StandaloneTracer.make(sampler: sampler, ratio: ratio))
        let admitting = AdmittingTracer(base: counting, admission: SpanAdmission(limit: 100))
        return (SamplingFront(base: admitting, policy: SamplingPolicy(sampler: sampler)), counting.started)
    }

    static func traceparent(_ context: InstrumentationContext, _ tracer: some Tracer) -> String? {
        var headers: [String: String] = [:]
        tracer.inject(context, into: &headers, using: HeaderInjector())
        return headers["traceparent"]
    }
}

/// Counts the spans that reach the tracer it forwards to.
struct CountingTracer<Base: Tracer>: Tracer {
    let base: Base
    let started = StartCount()

    func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> Base.Span {
        started.value.add(1, ordering: .relaxed)
        return base.startSpan(operationName, context: context(), ofKind: kind, at: instant(), function: function, file: fileID, line: line)
    }

    func activeSpan(identifiedBy context: InstrumentationContext) -> Base.Span? { nil }
}

extension CountingTracer: WrappingTracer {}

final class StartCount: Sendable {
    let value = Atomic<Int>(0)
    var count: Int { value.load(ordering: .relaxed) }
}

import Instrumentation
@testable import InstSwiftOTel
import Testing
import Tracing

/// Spans in flight to swift-otel are bounded (issue 14, must 2): a span holds a token until every context that carries
/// it is released; beyond the limit spans are not started in swift-otel, and are counted.
@Suite struct SpanAdmissionTests {
    @Test func theLimitHoldsAndReleasedTokensAreReused() {
        let admission = SpanAdmission(limit: 2)
        var first = admission.admit()
        let second = admission.admit()
        #expect(first != nil && second != nil)
        #expect(admission.admit() == nil && admission.dropped == 1 && admission.spansInFlight == 2)
        first = nil
        #expect(admission.spansInFlight == 1)
        #expect(admission.admit() != nil)
        withExtendedLifetime((first, second)) {}
    }

    @Test func aRefusedSpanRecordsNothingAndKeepsItsParentsContext() {
        let admission = SpanAdmission(limit: 1)
        let tracer = AdmittingTracer(base: KeepingTracer(), admission: admission)
        var parent = InstrumentationContext.topLevel
        parent[MarkerKey.self] = "parent"
        var admitted: Optional = tracer.startSpan("a", context: parent, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        let refused = tracer.startSpan("b", context: parent, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(admitted?.base != nil && refused.base == nil)
        #expect(!refused.isRecording && refused.context[MarkerKey.self] == "parent")
        refused.attributes["never"] = "stored"
        refused.end()
        #expect(admission.spansInFlight == 1 && admission.dropped == 1)
        // The token lives in the admitted span's context: released with the span.
        admitted?.end()
        admitted = nil
        #expect(admission.spansInFlight == 0)
    }

    @Test func aSpanTheSamplerDroppedGivesItsTokenBackAtOnce() throws {
        let admission = SpanAdmission(limit: 1)
        let tracer = AdmittingTracer(base: try StandaloneTracer.make(sampler: "parentbased_traceidratio", ratio: 0), admission: admission)
        let dropped = tracer.startSpan("a", context: .topLevel, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(dropped.isSampledOut && admission.spansInFlight == 0)
        // Its children, which hold its context (and so the token), do not count against the limit either.
        let child = tracer.startSpan("b", context: dropped.context, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(child.isSampledOut && admission.dropped == 0)
    }

    @Test func theLimitComesFromTheQueueSizeOrTheEnvironment() {
        #expect(SpanAdmission(environment: [:], queueSize: 16384).limit == 32768)
        #expect(SpanAdmission(environment: ["INSTSWIFT_MAX_SPANS_IN_FLIGHT": "500"], queueSize: 16384).limit == 500)
        #expect(SpanAdmission(environment: ["INSTSWIFT_MAX_SPANS_IN_FLIGHT": "-3"], queueSize: 100).limit == 200)
    }

    enum MarkerKey: ServiceContextKey {
        typealias Value = String
    }

    /// Records every span and keeps nothing once it ended (swift-otel keeps a span's context until its run loop, not
    /// running in a unit test, consumed the span's events).
    struct KeepingTracer: Tracer {
        final class KeptSpan: Tracing.Span, @unchecked Sendable {
            let context: InstrumentationContext
            var operationName = ""
            var attributes: SpanAttributes = [:]
            var isRecording: Bool { true }
            init(_ context: InstrumentationContext) { self.context = context }
            func setStatus(_ status: SpanStatus) {}
            func addEvent(_ event: SpanEvent) {}
            func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {}
            func addLink(_ link: SpanLink) {}
            func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {}
        }

        func startSpan<Instant: TracerInstant>(
            _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
            at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
        ) -> KeptSpan { KeptSpan(context()) }
        func forceFlush() {}
        func extract<Carrier, Extract: Extractor>(_ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract)
        where Extract.Carrier == Carrier {}
        func inject<Carrier, Inject: Injector>(_ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject)
        where Inject.Carrier == Carrier {}
    }
}

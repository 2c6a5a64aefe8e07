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
        let tracer = AdmittingTracer(base: NoOpTracer(), admission: admission)
        var parent = InstrumentationContext.topLevel
        parent[MarkerKey.self] = "parent"
        var admitted: AdmittedSpan<NoOpTracer.NoOpSpan>? = tracer.startSpan("a", context: parent, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
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

    @Test func theLimitComesFromTheQueueSizeOrTheEnvironment() {
        #expect(SpanAdmission(environment: [:], queueSize: 16384).limit == 32768)
        #expect(SpanAdmission(environment: ["INSTSWIFT_MAX_SPANS_IN_FLIGHT": "500"], queueSize: 16384).limit == 500)
        #expect(SpanAdmission(environment: ["INSTSWIFT_MAX_SPANS_IN_FLIGHT": "-3"], queueSize: 100).limit == 200)
    }

    enum MarkerKey: ServiceContextKey {
        typealias Value = String
    }
}

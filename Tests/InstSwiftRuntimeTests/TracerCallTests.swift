import CInstSwiftRuntime
@testable import InstSwiftRuntime
import Instrumentation
import Testing
import Tracing

/// Code a call into the tracer reaches is not traced (its depth is above zero): with every function of an app's
/// dependencies instrumented, a span's `isRecording` read through swift-nio's lock started another span, whose start
/// read it again, until the stack ran out; and the bootstrap bootstrapped again inside itself.
@Suite struct TracerCallTests {
    /// A span that notes how deep in calls into the tracer each of its methods ran.
    final class ProbeSpan: Span, @unchecked Sendable {
        var depths: [Int] = []
        var context: ServiceContext { depths.append(instswift_tracer_depth_load()); return .topLevel }
        var operationName: String {
            get { depths.append(instswift_tracer_depth_load()); return "probe" }
            set { depths.append(instswift_tracer_depth_load()) }
        }
        var attributes: SpanAttributes {
            get { depths.append(instswift_tracer_depth_load()); return [:] }
            set { depths.append(instswift_tracer_depth_load()) }
        }
        var isRecording: Bool { depths.append(instswift_tracer_depth_load()); return true }
        func setStatus(_ status: SpanStatus) { depths.append(instswift_tracer_depth_load()) }
        func addEvent(_ event: SpanEvent) { depths.append(instswift_tracer_depth_load()) }
        func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {
            depths.append(instswift_tracer_depth_load())
        }
        func addLink(_ link: SpanLink) { depths.append(instswift_tracer_depth_load()) }
        func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) { depths.append(instswift_tracer_depth_load()) }
    }

    @Test func everyCallIntoTheBootstrappedTracersSpanIsUntraced() {
        struct Failure: Error {}
        let probe = ProbeSpan()
        let span = FrontSpan.started(probe)
        _ = span.context
        _ = span.isRecording
        span.operationName = span.operationName
        span.attributes = span.attributes
        span.setStatus(.init(code: .ok))
        span.addEvent("event")
        span.recordError(Failure())
        span.end()
        #expect(probe.depths.count == 10 && probe.depths.allSatisfy { $0 == 1 }, "\(probe.depths)")
        #expect(instswift_tracer_depth_load() == 0)
    }

    @Test func codeRunWithoutTracingIsUntracedAndNestsAndThrows() {
        struct Failure: Error {}
        #expect(InstSwift.withoutTracing { InstSwift.withoutTracing { instswift_tracer_depth_load() } } == 2)
        #expect(throws: Failure.self) { try InstSwift.withoutTracing { () throws(Failure) in throw Failure() } }
        #expect(instswift_tracer_depth_load() == 0)
        // What is untraced does not even look the tracer up: no bootstrap starts inside a bootstrap.
        #expect(InstSwift.withoutTracing { InstSwift.lookUpTracer() } == false)
    }
}

import Foundation
@testable import InstSwiftOTel
import Synchronization
import Testing
import Tracing

/// Ends reach swift-otel once per export interval or a full batch, so a service at a low span rate sends one export per
/// interval, not one per span, and a high rate still gets batches as large as swift-otel sends.
@Suite struct SpanEndBatchingTests {
    @Test func endsWaitForAFullBatchAndKeepTheirEndTimes() async throws {
        let batching = SpanEndBatching(interval: .seconds(3600), batchSize: 3)
        let spans = (0..<3).map { _ in EndRecordingSpan() }
        batching.end(spans[0], at: EndInstant(nanosecondsSinceEpoch: 10))
        batching.end(spans[1], at: EndInstant(nanosecondsSinceEpoch: 20))
        try await Task.sleep(for: .milliseconds(100))
        #expect(spans.allSatisfy { $0.ends.isEmpty })
        batching.end(spans[2], at: EndInstant(nanosecondsSinceEpoch: 30))
        try await waitUntil { spans.allSatisfy { !$0.ends.isEmpty } }
        #expect(spans.map(\.ends) == [[10], [20], [30]])
    }

    @Test func aLoneEndWaitsNoLongerThanTheInterval() async throws {
        let batching = SpanEndBatching(interval: .milliseconds(100), batchSize: 4096)
        let span = EndRecordingSpan()
        batching.end(span, at: EndInstant(nanosecondsSinceEpoch: 7))
        #expect(span.ends.isEmpty)
        try await waitUntil { span.ends == [7] }
    }

    @Test func stoppingEndsWhatWaitsAndEveryLaterSpanAtOnce() {
        let batching = SpanEndBatching(interval: .seconds(3600), batchSize: 4096)
        let waiting = EndRecordingSpan(), later = EndRecordingSpan()
        batching.end(waiting, at: EndInstant(nanosecondsSinceEpoch: 1))
        batching.stop()
        #expect(waiting.ends == [1])
        batching.end(later, at: EndInstant(nanosecondsSinceEpoch: 2))
        #expect(later.ends == [2])
    }

    @Test func onlyRecordingAdmittedSpansWait() throws {
        let batching = SpanEndBatching(interval: .seconds(3600), batchSize: 4096)
        let sampledOut = AdmittingTracer(
            base: try StandaloneTracer.make(sampler: "always_off", ratio: 1), admission: SpanAdmission(limit: 10), endBatching: batching
        )
        let span = sampledOut.startSpan("a", context: .topLevel, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        #expect(span.endBatching == nil)
    }

    @available(*, deprecated, message: "calls swift-distributed-tracing's deprecated forceFlush()")
    @Test func aForcedFlushHandsWaitingEndsOn() {
        let batching = SpanEndBatching(interval: .seconds(3600), batchSize: 4096)
        let tracer = AdmittingTracer(base: EndRecordingTracer(), admission: SpanAdmission(limit: 10), endBatching: batching)
        let span = tracer.startSpan("a", context: .topLevel, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
        span.end(at: EndInstant(nanosecondsSinceEpoch: 5))
        let recorded = span.base!
        #expect(recorded.ends.isEmpty)
        tracer.forceFlush()
        #expect(recorded.ends == [5])
    }

    @Test func theCadenceComesFromTheScheduleDelay() {
        let defaults = ExportCadence(environment: [:])
        #expect(defaults.exportInterval == .seconds(1) && defaults.processorTick == .milliseconds(50) && defaults.batchSize == 4096)
        #expect(defaults.batchesEnds)
        let slow = ExportCadence(environment: ["OTEL_BSP_SCHEDULE_DELAY": "5000", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "512"])
        #expect(slow.exportInterval == .seconds(5) && slow.processorTick == .milliseconds(50) && slow.batchSize == 512)
        let fast = ExportCadence(environment: ["OTEL_BSP_SCHEDULE_DELAY": "20"])
        #expect(fast.processorTick == .milliseconds(20) && !fast.batchesEnds)
    }

    @Test func swiftOTelReadsItsTickAndTheUsersValueIsPutBack() {
        let key = "OTEL_BSP_SCHEDULE_DELAY"
        let previous = getenv(key).map { String(cString: $0) }
        defer { if let previous { setenv(key, previous, 1) } else { unsetenv(key) } }
        setenv(key, "5000", 1)
        let cadence = ExportCadence(environment: ProcessInfo.processInfo.environment)
        let seen = cadence.whileSwiftOTelReadsTheEnvironment { getenv(key).map { String(cString: $0) } }
        #expect(seen == "50")
        #expect(getenv(key).map { String(cString: $0) } == "5000")
    }

    /// Polls `condition` for up to 10 s.
    private func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(condition())
    }
}

/// A span that keeps the times it was ended at.
final class EndRecordingSpan: Tracing.Span, Sendable {
    private let endTimes = Mutex<[UInt64]>([])
    var ends: [UInt64] { endTimes.withLock { $0 } }
    var context: InstrumentationContext { .topLevel }
    var operationName: String {
        get { "" }
        set {}
    }
    var attributes: SpanAttributes {
        get { [:] }
        set {}
    }
    var isRecording: Bool { true }
    func setStatus(_ status: SpanStatus) {}
    func addEvent(_ event: SpanEvent) {}
    func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {}
    func addLink(_ link: SpanLink) {}
    func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        let time = instant().nanosecondsSinceEpoch
        endTimes.withLock { $0.append(time) }
    }
}

/// Starts ``EndRecordingSpan``s.
struct EndRecordingTracer: Tracer {
    func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> EndRecordingSpan { EndRecordingSpan() }
    func forceFlush() {}
    func extract<Carrier, Extract: Extractor>(_ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract)
    where Extract.Carrier == Carrier {}
    func inject<Carrier, Inject: Injector>(_ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject)
    where Inject.Carrier == Carrier {}
}

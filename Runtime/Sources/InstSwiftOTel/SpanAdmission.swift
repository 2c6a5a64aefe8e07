import CoreMetrics
import Instrumentation
import Foundation
import InstSwiftRuntime
import Synchronization
import Tracing

/// Keeps what swift-otel's tracing pipeline holds bounded at any span rate.
///
/// swift-otel hands every span start and end to its tracer's run loop through an unbounded stream, one task hop per
/// event, and its bounded batch queue (`OTEL_BSP_MAX_QUEUE_SIZE`) sits behind that loop; every recording span also
/// stays in a table until it ends. Above what the loop consumes (about 65k spans/s on 2 cores here, less when the app
/// competes for the cores) the stream grows without limit (1.2 GB in 30 s at 2x that rate, measured).
///
/// Admission bounds the spans in flight: a span takes a token when it starts, carried in the context swift-otel keeps
/// with the span and its start event, and gives it back when the last of them is released — after the span ended and
/// the run loop consumed its start event. At `limit` tokens out (twice the queue size), a new span is not started in
/// swift-otel at all: it does not record, costs the producer almost nothing, and its children attach to its parent.
/// Drops are counted: one warning on standard error at the first, a total at exit, and the OpenTelemetry SDK self-metric
/// `otel.sdk.processor.span.processed` with `error.type=queue_full`.
final class SpanAdmission: Sendable {
    let limit: Int
    private let inFlight = Atomic<Int>(0)
    private let drops = DroppedSpans.queueFull()

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The admission for the bootstrap's settings: `INSTSWIFT_MAX_SPANS_IN_FLIGHT`, else twice the queue size.
    convenience init(environment: [String: String], queueSize: Int) {
        let configured = environment["INSTSWIFT_MAX_SPANS_IN_FLIGHT"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
        self.init(limit: configured ?? 2 * queueSize)
    }

    var dropped: Int { drops.count }
    var spansInFlight: Int { inFlight.load(ordering: .relaxed) }

    /// A token for a span about to start, or nil (the drop counted) when `limit` spans are in flight.
    func admit() -> AdmissionToken? {
        if inFlight.wrappingAdd(1, ordering: .relaxed).oldValue < limit { return AdmissionToken(self) }
        inFlight.wrappingSubtract(1, ordering: .relaxed)
        recordDrop()
        return nil
    }

    fileprivate func release() {
        inFlight.wrappingSubtract(1, ordering: .relaxed)
    }

    private func recordDrop() {
        drops.record(
            firstWarning: """
                spans start faster than the exporter can take them (\(limit) in flight); not recording the excess to keep \
                memory bounded (counted in otel.sdk.processor.span.processed{error.type=queue_full}; \
                INSTSWIFT_MAX_SPANS_IN_FLIGHT raises the limit, OTEL_TRACES_SAMPLER_ARG samples fewer)
                """)
    }

    /// Says at exit how many spans were dropped, if any.
    func reportAtExit() { drops.reportAtExit() }
}

/// A span's claim on ``SpanAdmission``, given back when the last context holding it is released, or at once for a span
/// the sampler dropped (its context, which holds the token, lives on in its children's).
final class AdmissionToken: Sendable {
    private let admission: SpanAdmission
    private let held = Atomic(true)
    fileprivate init(_ admission: SpanAdmission) { self.admission = admission }

    func giveBack() {
        if held.exchange(false, ordering: .relaxed) { admission.release() }
    }

    deinit { giveBack() }
}

enum AdmissionTokenKey: ServiceContextKey {
    typealias Value = AdmissionToken
    static var nameOverride: String? { "instswift.admission" }
}

/// swift-otel's tracer behind ``SpanAdmission``.
struct AdmittingTracer<Base: Tracer>: Tracer {
    let base: Base
    let admission: SpanAdmission
    /// How recording spans' ends reach swift-otel; nil: at once.
    var endBatching: SpanEndBatching? = nil

    func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> AdmittedSpan<Base.Span> {
        var parent = context()
        guard let token = admission.admit() else { return AdmittedSpan(base: nil, droppedContext: parent, endBatching: nil) }
        parent[AdmissionTokenKey.self] = token
        let span = base.startSpan(operationName, context: parent, ofKind: kind, at: instant(), function: function, file: fileID, line: line)
        guard span.isRecording else {
            token.giveBack()
            return AdmittedSpan(base: span, droppedContext: nil, endBatching: nil)
        }
        return AdmittedSpan(base: span, droppedContext: nil, endBatching: endBatching)
    }

    func activeSpan(identifiedBy context: InstrumentationContext) -> AdmittedSpan<Base.Span>? { nil }

    /// Hands waiting ends on first, so that every span ended before the call is exported. (Deprecated like the requirement
    /// it implements, so that calling the base's does not warn.)
    @available(*, deprecated)
    func forceFlush() {
        endBatching?.flush()
        base.forceFlush()
    }
}

extension AdmittingTracer: WrappingTracer {}

/// swift-otel's span, or — when admission refused it — a span that records nothing and keeps its parent's context.
struct AdmittedSpan<Base: Tracing.Span>: Tracing.Span {
    let base: Base?
    let droppedContext: InstrumentationContext?
    /// Set for a recording span whose end waits for its batch.
    let endBatching: SpanEndBatching?

    var context: InstrumentationContext { base?.context ?? droppedContext ?? .topLevel }
    var operationName: String {
        get { base?.operationName ?? "" }
        nonmutating set { base?.operationName = newValue }
    }
    var attributes: SpanAttributes {
        get { base?.attributes ?? [:] }
        nonmutating set { base?.attributes = newValue }
    }
    var isRecording: Bool { base?.isRecording ?? false }

    func setStatus(_ status: SpanStatus) { base?.setStatus(status) }
    func addEvent(_ event: SpanEvent) { base?.addEvent(event) }
    func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {
        base?.recordError(error, attributes: attributes, at: instant())
    }
    func addLink(_ link: SpanLink) { base?.addLink(link) }
    func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        guard let base else { return }
        if let endBatching { endBatching.end(base, at: instant()) } else { base.end(at: instant()) }
    }
}

extension AdmittedSpan: SamplerOutcome {
    /// Started in swift-otel, which did not record it; a span admission refused was never asked about.
    var isSampledOut: Bool { base.map { !$0.isRecording } ?? false }
}

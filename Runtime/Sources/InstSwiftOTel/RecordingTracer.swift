import Foundation
import Instrumentation
import OTel
import Synchronization
import Tracing

/// swift-otel's tracer (ids, sampling, W3C propagation) with every sampled span also written to a file when it ends,
/// for the embedded default when no collector is configured. Spans the sampler (`OTEL_TRACES_SAMPLER`) leaves out are
/// not written, as an exporter would not send them.
struct RecordingTracer<Base: Tracer>: Tracer {
    let base: Base
    let recorder: TraceFileRecorder

    init(base: Base, recorder: TraceFileRecorder) {
        self.base = base
        self.recorder = recorder
        // The ids are read on the recorder's thread: through the propagator (swift-otel keeps its span context
        // internal) they cost a dozen allocations per span, which the producing code should not pay.
        recorder.readIDs { [base] context in Self.traceparent(of: context, through: base) }
    }

    func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> RecordingSpan<Base.Span> {
        let parent = context()
        let start = instant()
        let span = base.startSpan(operationName, context: parent, ofKind: kind, at: start, function: function, file: fileID, line: line)
        let sampled = span.isRecording && span.context.otelIsSampled
        return RecordingSpan(base: span, kind: kind, startNanoseconds: start.nanosecondsSinceEpoch, parent: sampled ? parent : nil, recorder: recorder)
    }

    func activeSpan(identifiedBy context: InstrumentationContext) -> RecordingSpan<Base.Span>? { nil }

    func forceFlush() {}

    /// Trace id, span id and sampled flag of a context, read through the W3C propagator (swift-otel keeps its span
    /// context internal).
    static func traceparent(of context: InstrumentationContext, through base: Base) -> (traceID: String, spanID: String, sampled: Bool)? {
        var headers: [String: String] = [:]
        base.inject(context, into: &headers, using: HeaderInjector())
        guard let value = headers["traceparent"] else { return nil }
        let parts = value.split(separator: "-")
        guard parts.count == 4, let flags = UInt8(parts[3], radix: 16) else { return nil }
        return (String(parts[1]), String(parts[2]), flags & 0x01 != 0)
    }
}

extension RecordingTracer: WrappingTracer {}

/// A tracer in front of swift-otel's: context is extracted and injected exactly as swift-otel does.
protocol WrappingTracer: Tracer {
    associatedtype Base: Tracer
    var base: Base { get }
}

extension WrappingTracer {
    /// swift-distributed-tracing's deprecated requirement, passed on; deprecated here too, so that calling the base's does
    /// not warn in every build that compiles the runtime.
    @available(*, deprecated)
    func forceFlush() { base.forceFlush() }

    func extract<Carrier, Extract: Extractor>(_ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract)
    where Extract.Carrier == Carrier {
        base.extract(carrier, into: &context, using: extractor)
    }

    func inject<Carrier, Inject: Injector>(_ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject)
    where Inject.Carrier == Carrier {
        base.inject(context, into: &carrier, using: injector)
    }
}

struct HeaderInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout [String: String]) { carrier[key] = value }
}

/// A span that forwards to swift-otel's and, when sampled (`parent` set: the context it was started in), records
/// itself when it ends.
final class RecordingSpan<Base: Tracing.Span>: Tracing.Span {
    let base: Base
    private let kind: SpanKind
    private let startNanoseconds: UInt64
    private let parent: InstrumentationContext?
    private let recorder: TraceFileRecorder
    private let status = Mutex<SpanStatus?>(nil)

    init(base: Base, kind: SpanKind, startNanoseconds: UInt64, parent: InstrumentationContext?, recorder: TraceFileRecorder) {
        self.base = base
        self.kind = kind
        self.startNanoseconds = startNanoseconds
        self.parent = parent
        self.recorder = recorder
    }

    var context: InstrumentationContext { base.context }
    var operationName: String {
        get { base.operationName }
        set { base.operationName = newValue }
    }
    var attributes: SpanAttributes {
        get { base.attributes }
        set { base.attributes = newValue }
    }
    var isRecording: Bool { base.isRecording }

    func setStatus(_ status: SpanStatus) {
        self.status.withLock { $0 = status }
        base.setStatus(status)
    }
    func addEvent(_ event: SpanEvent) { base.addEvent(event) }
    func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {
        base.recordError(error, attributes: attributes, at: instant())
    }
    func addLink(_ link: SpanLink) { base.addLink(link) }

    func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        let end = instant()
        let attributes = base.attributes
        let context = base.context, name = base.operationName
        base.end(at: end)
        guard let parent else { return }
        recorder.record(
            EndedSpan(
                context: context, parent: parent, name: name, kind: kind, start: startNanoseconds, end: end.nanosecondsSinceEpoch,
                attributes: attributes, status: status.withLock { $0 }
            ))
    }
}

extension RecordingSpan: SamplerOutcome {
    var isSampledOut: Bool { !base.isRecording }
}

/// A sampled span as it ended, its ids still in its contexts (``TraceFileRecorder`` reads them on its thread).
struct EndedSpan: Sendable {
    var context: InstrumentationContext
    /// The context the span was started in: its parent's ids, or none for a root.
    var parent: InstrumentationContext
    var name: String
    var kind: SpanKind
    var start, end: UInt64
    var attributes: SpanAttributes
    var status: SpanStatus?
}

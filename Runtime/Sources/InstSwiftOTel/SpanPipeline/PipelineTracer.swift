import Instrumentation
import Tracing

/// instswift's own tracer (ADR 0022): ids from a per-thread generator, the specification's samplers, W3C trace context,
/// and ended spans handed to a bounded queue that one exporter thread drains — no event, task hop or system call per
/// span on the producing thread.
final class PipelineTracer: Tracer, Sendable {
    let sampler: PipelineSampler
    let queue: SpanExportQueue
    let exporter: SpanExporter
    /// False under `OTEL_PROPAGATORS=none`: nothing is injected or extracted.
    let propagates: Bool

    init(sampler: PipelineSampler, exporter: SpanExporter, propagates: Bool) {
        self.sampler = sampler
        self.exporter = exporter
        self.propagates = propagates
        queue = exporter.queue
    }

    func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> PipelineSpan {
        var context = context()
        let parent = context[SpanIdentityKey.self]
        let trace = parent.map { (high: $0.traceHigh, low: $0.traceLow) } ?? SpanIdentity.newTraceID()
        let sampled = sampler.samples(traceLow: trace.low, parent: parent)
        let inherited = parent?.flags ?? 0
        let identity = SpanIdentity(
            traceHigh: trace.high, traceLow: trace.low, spanID: SpanIdentity.newSpanID(),
            flags: sampled ? inherited | 0x01 : inherited & ~0x01, traceState: parent?.traceState, isRemote: false
        )
        context[SpanIdentityKey.self] = identity
        return PipelineSpan(
            name: operationName, context: context, identity: identity, parent: parent, kind: kind,
            startNanoseconds: instant().nanosecondsSinceEpoch, sampled: sampled, queue: queue
        )
    }

    func activeSpan(identifiedBy context: InstrumentationContext) -> PipelineSpan? { nil }

    /// Exports what is queued now (waiting at most the export timeout).
    func forceFlush() { exporter.flush() }

    /// W3C `traceparent` and `tracestate`; a malformed `traceparent` leaves the context as it was (a fresh trace).
    func extract<Carrier, Extract: Extractor>(_ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract)
    where Extract.Carrier == Carrier {
        guard propagates, let traceparent = extractor.extract(key: "traceparent", from: carrier) else { return }
        let state = extractor.extract(key: "tracestate", from: carrier).flatMap { $0.isEmpty || $0.utf8.count > 512 ? nil : $0 }
        guard let identity = SpanIdentity(traceparent: traceparent, traceState: state) else { return }
        context[SpanIdentityKey.self] = identity
    }

    func inject<Carrier, Inject: Injector>(_ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject)
    where Inject.Carrier == Carrier {
        guard propagates, let identity = context[SpanIdentityKey.self] else { return }
        injector.inject(identity.traceparent, forKey: "traceparent", into: &carrier)
        if let state = identity.traceState { injector.inject(state, forKey: "tracestate", into: &carrier) }
    }
}

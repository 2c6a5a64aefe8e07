import Foundation
import Instrumentation
import InstSwiftRuntime
import OTel
import Tracing

/// The sampling decisions that need nothing of swift-otel, taken before it is asked (ADR 0014).
///
/// swift-otel builds every span it is asked for — two random ids (a `getrandom` system call each), a context, a span
/// object — before its sampler can drop it, and then keeps nothing; behind admission a dropped span also took and gave
/// back a token. Most spans a sampler drops are decided by their parent, so the front answers those itself with a span
/// that records nothing and is its parent's context (no allocation, no call into swift-otel):
/// - `always_off`: every span. A parent the app received sampled is turned into a non-sampled one first, as the
///   specification's `AlwaysOff` would propagate it.
/// - `parentbased_*` and `traceidratio`: the descendants of a span the sampler dropped — the parent-based samplers
///   follow the parent's flag, and the ratio sampler decides by the trace id the descendants share.
/// Roots, and children of sampled spans, go to swift-otel, whose sampler decides; when it drops one, the front marks
/// the dropped span's context (``UnsampledTraceKey``) so that its descendants take the short way.
final class SamplingFront<Base: Tracer & TraceContextReading>: Tracer where Base.Span: SamplerOutcome {
    let base: Base
    let policy: SamplingPolicy
    /// How a started span is held: in place for a span that takes attributes one by one, boxed otherwise.
    private let front: @Sendable (Base.Span) -> FrontSpan

    /// A class, so that `any Tracer` holds one reference: a struct of this size is copied field by field on every call.
    init(base: Base, policy: SamplingPolicy) {
        self.base = base
        self.policy = policy
        front = { .started($0) }
    }

    /// In front of instswift's own pipeline, whose spans are held as they are.
    init(base: Base, policy: SamplingPolicy) where Base.Span: AttributeSettingSpan {
        self.base = base
        self.policy = policy
        front = { .startedInPlace($0) }
    }

    func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> FrontSpan {
        let parent = context()
        if dropsSpan(under: parent) { return .unsampledInParentContext(parent) }
        if policy == .alwaysOff { return .unsampled(unsampled(parent)) }
        let span = base.startSpan(operationName, context: parent, ofKind: kind, at: instant(), function: function, file: fileID, line: line)
        guard policy == .inherited, span.isSampledOut else { return front(span) }
        var dropped = span.context
        dropped[UnsampledTraceKey.self] = .dropped
        return .unsampled(dropped)
    }

    func activeSpan(identifiedBy context: InstrumentationContext) -> FrontSpan? { nil }

    func dropsSpan(under parent: InstrumentationContext) -> Bool {
        switch policy {
        case .alwaysOn: false
        case .alwaysOff: !base.isSampled(parent)
        case .inherited: parent[UnsampledTraceKey.self] != nil
        }
    }

    /// A context received from another process replaces the trace of the one it is extracted into, and with it the
    /// mark of a dropped trace (when the carrier holds a trace context at all).
    func extract<Carrier, Extract: Extractor>(_ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract)
    where Extract.Carrier == Carrier {
        if context[UnsampledTraceKey.self] != nil {
            var received = InstrumentationContext.topLevel
            base.extract(carrier, into: &received, using: extractor)
            if base.traceID(in: received) != nil { context[UnsampledTraceKey.self] = nil }
        }
        base.extract(carrier, into: &context, using: extractor)
    }

    /// `parent`'s trace as a parent that was not sampled: what `AlwaysOff` hands its children and the next process.
    private func unsampled(_ parent: InstrumentationContext) -> InstrumentationContext {
        guard let traceID = base.traceID(in: parent) else { return parent }
        var context = parent
        base.extract(["traceparent": "00-\(traceID)-\(RandomSpanID.next())-00"], into: &context, using: DictionaryExtractor())
        return context
    }
}

extension SamplingFront: ParentDecidedSampling {}

extension SamplingFront: WrappingTracer {
    // `extract` is the front's own (above); `inject` and `forceFlush` are the base's.
}

/// Which spans ``SamplingFront`` can decide without swift-otel, from `OTEL_TRACES_SAMPLER` (validated by
/// ``EnvironmentCheck`` before it is read; swift-otel's default is `parentbased_always_on`).
enum SamplingPolicy: Equatable {
    /// `always_on`: nothing is dropped by the sampler.
    case alwaysOn
    /// `always_off`: everything is.
    case alwaysOff
    /// `parentbased_*`, `traceidratio`: a dropped span's descendants are dropped.
    case inherited

    init(sampler: String?) {
        switch sampler {
        case "always_on": self = .alwaysOn
        case "always_off": self = .alwaysOff
        default: self = .inherited
        }
    }
}

/// What ``SamplingFront`` reads of a context through the tracer behind it: the trace it belongs to (32 hex digits) and
/// whether it was sampled.
protocol TraceContextReading {
    func traceID(in context: InstrumentationContext) -> String?
    func isSampled(_ context: InstrumentationContext) -> Bool
}

extension AdmittingTracer: TraceContextReading {
    func traceID(in context: InstrumentationContext) -> String? { context.otelTraceID }
    func isSampled(_ context: InstrumentationContext) -> Bool { context.otelIsSampled }
}

extension RecordingTracer: TraceContextReading {
    func traceID(in context: InstrumentationContext) -> String? { context.otelTraceID }
    func isSampled(_ context: InstrumentationContext) -> Bool { context.otelIsSampled }
}

extension PipelineTracer: TraceContextReading {
    func traceID(in context: InstrumentationContext) -> String? { context[SpanIdentityKey.self]?.traceIDHex }
    func isSampled(_ context: InstrumentationContext) -> Bool { context[SpanIdentityKey.self]?.isSampled ?? false }
}

/// What the span of a tracer behind ``SamplingFront`` tells it: whether swift-otel's sampler dropped it (rather than,
/// say, admission refusing it, which says nothing about its children).
protocol SamplerOutcome: Tracing.Span {
    var isSampledOut: Bool { get }
}

/// Marks a context whose span the sampler dropped, so that its descendants are dropped without asking swift-otel.
enum UnsampledTraceKey: ServiceContextKey {
    enum Value: Sendable { case dropped }
    static var nameOverride: String? { "instswift.unsampled" }
}

/// Reads a W3C header from a dictionary (the front's own `traceparent`).
struct DictionaryExtractor: Extractor {
    func extract(key: String, from carrier: [String: String]) -> String? { carrier[key] }
}

/// Span ids for the contexts the front makes itself (hex, 16 digits, never all zero).
enum RandomSpanID {
    static func next() -> String {
        var id: UInt64 = 0
        while id == 0 { id = UInt64.random(in: .min ... .max) }
        let digits = String(id, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

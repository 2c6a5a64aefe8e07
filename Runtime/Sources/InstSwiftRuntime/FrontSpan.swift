public import Instrumentation
public import Tracing

/// The span of the tracer instswift's bootstrap puts in front of swift-otel (`SamplingFront`, ADR 0014): swift-otel's
/// span, or one the sampler dropped, which records nothing and whose context is what its children and the next process
/// continue.
///
/// It lives here so that injected spans can make the spans the sampler drops by their parent themselves (see
/// ``ParentDecidedSampling``). Not generic over the span behind it: the front is
/// called through `any Tracer`, where a generic span type would be looked up in the metadata cache on every call. One
/// word, so `any Span` holds it without allocating; a started span pays one allocation for its box.
public enum FrontSpan: Span {
    /// A span swift-otel started.
    indirect case started(any Span)
    /// Dropped by the sampler, with a context of its own (a sampled parent turned into a non-sampled one).
    case unsampled(InstrumentationContext)
    /// Dropped by the sampler, and its context is exactly its parent's.
    case unsampledInParentContext(InstrumentationContext)

    // Every call into swift-otel's span runs as a call into the tracer (``TracerCall``): dependency code it reaches that a
    // rule instruments (swift-nio's locks, swift-collections' dictionaries) is not traced, or reading whether a span
    // records would start a span, whose start would read it again, until the stack ran out.

    public var context: InstrumentationContext {
        switch self {
        case .started(let span): TracerCall.into { span.context }
        case .unsampled(let context), .unsampledInParentContext(let context): context
        }
    }
    public var operationName: String {
        get { if case .started(let span) = self { TracerCall.into { span.operationName } } else { "" } }
        nonmutating set { if case .started(let span) = self { TracerCall.into { span.operationName = newValue } } }
    }
    public var attributes: SpanAttributes {
        get { if case .started(let span) = self { TracerCall.into { span.attributes } } else { [:] } }
        nonmutating set { if case .started(let span) = self { TracerCall.into { span.attributes = newValue } } }
    }
    public var isRecording: Bool {
        if case .started(let span) = self { TracerCall.into { span.isRecording } } else { false }
    }

    public func setStatus(_ status: SpanStatus) {
        if case .started(let span) = self { TracerCall.into { span.setStatus(status) } }
    }
    public func addEvent(_ event: SpanEvent) {
        if case .started(let span) = self { TracerCall.into { span.addEvent(event) } }
    }
    public func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {
        if case .started(let span) = self { TracerCall.into { span.recordError(error, attributes: attributes, at: instant()) } }
    }
    public func addLink(_ link: SpanLink) {
        if case .started(let span) = self { TracerCall.into { span.addLink(link) } }
    }
    public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        if case .started(let span) = self { TracerCall.into { span.end(at: instant()) } }
    }
}

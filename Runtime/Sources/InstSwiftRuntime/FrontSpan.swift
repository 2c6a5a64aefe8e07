public import Instrumentation
public import Tracing

/// The span of the tracer instswift's bootstrap puts in front of the tracer that records (`SamplingFront`, ADR 0014):
/// that tracer's span, or one the sampler dropped, which records nothing and whose context is what its children and
/// the next process continue.
///
/// It lives here so that injected spans can make the spans the sampler drops by their parent themselves (see
/// ``ParentDecidedSampling``). Not generic over the span behind it: the front is called through `any Tracer`, where a
/// generic span type would be looked up in the metadata cache on every call. At most two words, so `any Span` holds it
/// without allocating; a span of instswift's own pipeline is held as it is (a class), any other started span pays one
/// allocation for its box.
public enum FrontSpan: Span {
    /// A span the tracer behind the front started (swift-otel's).
    indirect case started(any Span)
    /// A span of instswift's own pipeline, which takes one attribute without copying the others.
    case startedInPlace(any AttributeSettingSpan)
    /// Dropped by the sampler, with a context of its own (a sampled parent turned into a non-sampled one).
    case unsampled(InstrumentationContext)
    /// Dropped by the sampler, and its context is exactly its parent's.
    case unsampledInParentContext(InstrumentationContext)

    // Every call into the started span runs as a call into the tracer (``TracerCall``): dependency code it reaches that
    // a rule instruments (swift-nio's locks, swift-collections' dictionaries) is not traced, or reading whether a span
    // records would start a span, whose start would read it again, until the stack ran out.

    /// The span the tracer started, if any.
    private var startedSpan: (any Span)? {
        switch self {
        case .started(let span): span
        case .startedInPlace(let span): span
        case .unsampled, .unsampledInParentContext: nil
        }
    }

    public var context: InstrumentationContext {
        switch self {
        case .started(let span): TracerCall.into { span.context }
        case .startedInPlace(let span): TracerCall.into { span.context }
        case .unsampled(let context), .unsampledInParentContext(let context): context
        }
    }
    public var operationName: String {
        get { startedSpan.map { span in TracerCall.into { span.operationName } } ?? "" }
        nonmutating set { if let span = startedSpan { TracerCall.into { span.operationName = newValue } } }
    }
    public var attributes: SpanAttributes {
        get { startedSpan.map { span in TracerCall.into { span.attributes } } ?? [:] }
        nonmutating set { if let span = startedSpan { TracerCall.into { span.attributes = newValue } } }
    }
    public var isRecording: Bool {
        switch self {
        case .started(let span): TracerCall.into { span.isRecording }
        case .startedInPlace(let span): TracerCall.into { span.isRecording }
        case .unsampled, .unsampledInParentContext: false
        }
    }

    /// Sets one attribute: in place on a span of instswift's pipeline, through the attribute dictionary otherwise.
    public func setAttribute(_ key: String, _ value: SpanAttribute) {
        switch self {
        case .started(let span): TracerCall.into { span.attributes[key] = value }
        case .startedInPlace(let span): TracerCall.into { span.setAttribute(key, value) }
        case .unsampled, .unsampledInParentContext: break
        }
    }

    public func setStatus(_ status: SpanStatus) {
        if let span = startedSpan { TracerCall.into { span.setStatus(status) } }
    }
    public func addEvent(_ event: SpanEvent) {
        if let span = startedSpan { TracerCall.into { span.addEvent(event) } }
    }
    public func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {
        if let span = startedSpan { TracerCall.into { span.recordError(error, attributes: attributes, at: instant()) } }
    }
    public func addLink(_ link: SpanLink) {
        if let span = startedSpan { TracerCall.into { span.addLink(link) } }
    }
    public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        switch self {
        case .started(let span): TracerCall.into { span.end(at: instant()) }
        case .startedInPlace(let span): TracerCall.into { span.end(at: instant()) }
        case .unsampled, .unsampledInParentContext: break
        }
    }
}

/// A span that takes one attribute without copying the others. `span.attributes[key] = value` through `Span` reads the
/// whole dictionary, copies it (the span still holds it) and writes the copy back: five attributes, five dictionaries.
public protocol AttributeSettingSpan: Span, AnyObject {
    func setAttribute(_ key: String, _ value: SpanAttribute)
}

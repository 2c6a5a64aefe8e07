public import Tracing
public import Instrumentation

/// The span injected bodies see while nothing traces. It stores nothing, so handing it to a body costs no
/// allocation, retain or lazy global (unlike `NoOpTracer.NoOpSpan`, whose stored context must be built each call);
/// its context is looked up only when asked for: the current one, so propagation through it still works.
@usableFromInline
struct UntracedSpan: Span {
    @inlinable init() {}

    @usableFromInline var context: InstrumentationContext { InstrumentationContext.current ?? .topLevel }
    @usableFromInline var isRecording: Bool { false }

    @usableFromInline var operationName: String {
        get { "untraced" }
        nonmutating set {}
    }

    @usableFromInline var attributes: SpanAttributes {
        get { [:] }
        nonmutating set {}
    }

    @usableFromInline func setStatus(_ status: SpanStatus) {}
    @usableFromInline func addEvent(_ event: SpanEvent) {}
    @usableFromInline func addLink(_ link: SpanLink) {}
    @usableFromInline func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {}
    @usableFromInline func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {}
}

import CInstSwiftRuntime
public import Instrumentation
import Synchronization
public import Tracing

/// A tracer that can tell, before a span is started, that its sampler drops it and that its context is its parent's
/// (the bootstrap's `SamplingFront`): injected spans then skip the tracer call, the span's box and the task-local push.
public protocol ParentDecidedSampling: AnyObject, Sendable {
    /// Whether a span under `parent` is dropped by the sampler with `parent` as its context.
    func dropsSpan(under parent: InstrumentationContext) -> Bool
}

/// The tracer injected spans start in, looked up once. `InstrumentationSystem.tracer` finds the bootstrapped tracer
/// with dynamic casts on every call — half of what a span the sampler drops cost (measured with
/// `scripts/bench-span-cost.sh`) — and a process bootstraps tracing once.
@usableFromInline
enum BootstrappedTracer {
    private final class Holder: Sendable {
        let tracer: any Tracer
        let sampling: (any ParentDecidedSampling)?
        init(_ tracer: any Tracer) {
            self.tracer = tracer
            sampling = tracer as? any ParentDecidedSampling
        }
    }

    /// Set when ``InstSwift/shouldTrace`` first finds a real tracer; each holder lives as long as the process (a
    /// process bootstraps once; tests that bootstrap again leave the old one behind).
    private static let holder = Atomic<Unmanaged<Holder>?>(nil)

    static func remember(_ tracer: any Tracer) {
        holder.store(Unmanaged.passRetained(Holder(tracer)), ordering: .releasing)
    }

    /// Starts a span under `parent`; `inParentContext` when the sampler dropped it without starting anything, so that
    /// its context is `parent` itself.
    @usableFromInline
    static func startSpan(
        _ name: String, kind: SpanKind, parent: InstrumentationContext, function: String, file: String, line: UInt
    ) -> (span: any Span, inParentContext: Bool) {
        // Inside a call into the tracer (``TracerCall``): also spans that start without asking `shouldTrace` first
        // (an initializer's) are not traced, or an instrumented tracer would start spans without end.
        if instswift_tracer_depth_load() != 0 { return (FrontSpan.unsampledInParentContext(parent), true) }
        guard let holder = holder.load(ordering: .acquiring)?.takeUnretainedValue() else {
            let span = TracerCall.start {
                InstrumentationSystem.tracer.startSpan(
                    name, context: parent, ofKind: kind, at: DefaultTracerClock.now, function: function, file: file, line: line
                )
            }
            return (span, false)
        }
        if let sampling = holder.sampling, sampling.dropsSpan(under: parent) {
            return (FrontSpan.unsampledInParentContext(parent), true)
        }
        let span = TracerCall.start {
            holder.tracer.startSpan(name, context: parent, ofKind: kind, at: DefaultTracerClock.now, function: function, file: file, line: line)
        }
        return (span, false)
    }
}

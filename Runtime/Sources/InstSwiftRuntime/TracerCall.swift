import CInstSwiftRuntime
import Tracing

/// Calls into the bootstrapped tracer and its spans. Instrumented code they reach is not traced: an app (or a test
/// suite) whose own `Tracer` or `Span` type is instrumented would otherwise start a span inside every `startSpan`, and
/// end one by starting another, without end (hummingbird 2.28's `TestTracer`, found by the corpus: a stack overflow).
@usableFromInline
enum TracerCall {
    @usableFromInline
    static func end(_ span: any Span) {
        instswift_tracer_depth_add(1)
        defer { instswift_tracer_depth_add(-1) }
        span.end()
    }

    static func start<Started>(_ call: () -> Started) -> Started {
        into(call)
    }

    /// Runs `call`, a call into the tracer or one of its spans, with the instrumented code it reaches untraced.
    @inline(__always)
    static func into<Result>(_ call: () -> Result) -> Result {
        instswift_tracer_depth_add(1)
        defer { instswift_tracer_depth_add(-1) }
        return call()
    }
}

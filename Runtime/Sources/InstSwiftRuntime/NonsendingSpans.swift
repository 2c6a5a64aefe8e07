public import Tracing
public import Instrumentation

/// Span entries for the bodies of `nonisolated(nonsending)` functions (SE-0461: explicit, or every nonisolated async
/// function of a module built with `NonisolatedNonsendingByDefault`). Such a function runs on its caller's actor, and so
/// must its body inside the span; a plain `async` closure parameter, as this module declares it, would run it on the
/// global executor instead. instswift picks these entries by the function's isolation and its module's features; the
/// plain async entries pass their bodies here, where they keep running where their own type says.
extension InstSwift {
    /// ``span(_:kind:context:enabled:attributes:onResult:onError:isolation:function:file:line:_:)`` for a body that runs
    /// on the caller's actor.
    @inlinable
    public static func nonsendingSpan<T, E: Error>(
        _ name: String,
        kind: SpanKind = .internal,
        context: InstrumentationContext? = nil,
        enabled: Bool = true,
        attributes: (any Span) -> Void = { _ in },
        onResult: (any Span, T) -> Void = { _, _ in },
        onError: (any Span, E) -> Void = { _, _ in },
        isolation: isolated (any Actor)? = #isolation,
        function: String = #function,
        file: String = #fileID,
        line: UInt = #line,
        _ body: nonisolated(nonsending) (any Span) async throws(E) -> T
    ) async throws(E) -> T {
        guard enabled, shouldTrace else { return try await body(untracedSpan) }
        return try await tracedSpan(
            name, kind: kind, context: context, attributes: attributes, onResult: onResult, onError: onError,
            isolation: isolation, function: function, file: file, line: line, body
        )
    }

    /// ``asyncSpan(_:isolation:function:file:line:_:)`` for a body that runs on the caller's actor.
    @inlinable
    public static func nonsendingAsyncSpan<T, E: Error>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, function: String = #function, file: String = #fileID,
        line: UInt = #line, _ body: nonisolated(nonsending) (any Span) async throws(E) -> T
    ) async throws(E) -> T {
        try await nonsendingSpan(name, isolation: isolation, function: function, file: file, line: line, body)
    }

    /// The async ``rethrowingSpan(_:kind:context:enabled:attributes:onResult:function:file:line:_:)`` for a body that
    /// runs on the caller's actor.
    @inlinable
    public static func nonsendingRethrowingSpan<T>(
        _ name: String,
        kind: SpanKind = .internal,
        context: InstrumentationContext? = nil,
        enabled: Bool = true,
        attributes: (any Span) -> Void = { _ in },
        onResult: (any Span, T) -> Void = { _, _ in },
        isolation: isolated (any Actor)? = #isolation,
        function: String = #function,
        file: String = #fileID,
        line: UInt = #line,
        _ body: nonisolated(nonsending) (any Span) async throws -> T
    ) async rethrows -> T {
        guard enabled, shouldTrace else { return try await body(untracedSpan) }
        let (span, inCurrentContext) = startInParent(name, kind: kind, context: context, function: function, file: file, line: line)
        // Dropped by its parent's sampling decision: nothing to record or end, and the parent's context is current.
        if inCurrentContext { return try await body(span) }
        defer { TracerCall.end(span) }
        if span.isRecording { attributes(span) }
        do {
            // The operation captures `isolation`, so it runs on the caller's actor and so does the body it calls.
            let value = try await InstrumentationContext.$current.withValue(
                span.context,
                operation: {
                    _ = isolation
                    return try await body(span)
                }, isolation: isolation)
            if span.isRecording { onResult(span, value) }
            return value
        } catch {
            fail(span, error)
            throw error
        }
    }

    /// The traced half of the async spans: every async span's body arrives here as a `nonisolated(nonsending)` value
    /// and is called on `isolation`, the caller's.
    @inlinable
    static func tracedSpan<T, E: Error>(
        _ name: String, kind: SpanKind, context: InstrumentationContext?, attributes: (any Span) -> Void,
        onResult: (any Span, T) -> Void, onError: (any Span, E) -> Void, isolation: isolated (any Actor)?, function: String,
        file: String, line: UInt, _ body: nonisolated(nonsending) (any Span) async throws(E) -> T
    ) async throws(E) -> T {
        let (span, inCurrentContext) = startInParent(name, kind: kind, context: context, function: function, file: file, line: line)
        // Dropped by its parent's sampling decision: nothing to record or end, and the parent's context is current.
        if inCurrentContext { return try await body(span) }
        defer { TracerCall.end(span) }
        if span.isRecording { attributes(span) }
        // The operation captures `isolation`, so it runs on the caller's actor and so does the body it calls (a closure
        // in a function with an `isolated` parameter is isolated to it only when it captures it).
        let outcome: Result<T, E> = await InstrumentationContext.$current.withValue(span.context) {
            _ = isolation
            do throws(E) { return .success(try await body(span)) } catch { return .failure(error) }
        }
        switch outcome {
        case .success(let value):
            if span.isRecording { onResult(span, value) }
            return value
        case .failure(let error):
            fail(span, error)
            if span.isRecording { onError(span, error) }
            throw error
        }
    }
}

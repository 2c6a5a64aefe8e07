public import Tracing
public import Instrumentation
public import CInstSwiftRuntime
#if canImport(Glibc)
import Glibc
#endif

/// What instrumented code calls. Every span is a swift-distributed-tracing span, so it nests with any `withSpan`
/// the app or a library makes, and goes wherever the bootstrapped tracer sends it.
public enum InstSwift {
    /// The span type rules' declarations name (`InstSwift.AnySpan`), the same spelling in modules that reach the runtime
    /// at link time, where it is the support code's span.
    public typealias AnySpan = any Span

    /// Runs `body` in a span that becomes the current context for everything the body calls.
    ///
    /// - Parameters:
    ///   - name: The span name.
    ///   - kind: The OpenTelemetry span kind.
    ///   - context: The parent context; the current one when nil (see ``extract(from:)-8ngt2``).
    ///   - enabled: When false, `body` runs without this span (a library's own tracing is on, say).
    ///   - attributes: Records attributes when the span starts.
    ///   - onResult: Records attributes from the returned value.
    ///   - body: The instrumented code.
    /// - Returns: What `body` returns. A thrown error is recorded on the span and rethrown unchanged.
    @inlinable @inline(__always)
    public static func span<T, E: Error>(
        _ name: String,
        kind: SpanKind = .internal,
        context: InstrumentationContext? = nil,
        enabled: Bool = true,
        attributes: (any Span) -> Void = { _ in },
        onResult: (any Span, T) -> Void = { _, _ in },
        onError: (any Span, E) -> Void = { _, _ in },
        function: String = #function,
        file: String = #fileID,
        line: UInt = #line,
        _ body: (any Span) throws(E) -> T
    ) throws(E) -> T {
        guard enabled, shouldTrace else { return try body(untracedSpan) }
        return try tracedSpan(
            name, kind: kind, context: context, attributes: attributes, onResult: onResult, onError: onError,
            function: function, file: file, line: line, body
        )
    }

    /// The traced half of the sync `span`, kept out of line so that the untraced call stays a check and a call.
    @inlinable @inline(never)
    static func tracedSpan<T, E: Error>(
        _ name: String, kind: SpanKind, context: InstrumentationContext?, attributes: (any Span) -> Void,
        onResult: (any Span, T) -> Void, onError: (any Span, E) -> Void, function: String, file: String, line: UInt,
        _ body: (any Span) throws(E) -> T
    ) throws(E) -> T {
        let (span, inCurrentContext) = startInParent(name, kind: kind, context: context, function: function, file: file, line: line)
        // Dropped by its parent's sampling decision: nothing to record or end, and the parent's context is current.
        if inCurrentContext { return try body(span) }
        defer { TracerCall.end(span) }
        // Called back from C: spans below this one (C or Swift) must see it as their parent.
        let underCSpan = ThreadSpanStack.top != nil
        if underCSpan { ThreadSpanStack.push(span.context) }
        defer { if underCSpan { ThreadSpanStack.pop() } }
        if span.isRecording { attributes(span) }
        func run() -> Result<T, E> {
            do throws(E) { return .success(try body(span)) } catch { return .failure(error) }
        }
        let outcome = InstrumentationContext.$current.withValue(span.context, operation: run)
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

    /// Runs an async `body` in a span that becomes the current context for everything the body calls. The body runs
    /// where a plain `async` closure runs (a nonisolated one on the global executor); `nonsendingSpan` is the same
    /// for the bodies of `nonisolated(nonsending)` functions.
    @inlinable
    public static func span<T, E: Error>(
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
        _ body: (any Span) async throws(E) -> T
    ) async throws(E) -> T {
        guard enabled, shouldTrace else { return try await body(untracedSpan) }
        // Passed on as a `nonisolated(nonsending)` value, the body still runs where its own type says.
        return try await tracedSpan(
            name, kind: kind, context: context, attributes: attributes, onResult: onResult, onError: onError,
            isolation: isolation, function: function, file: file, line: line, body
        )
    }

    /// Runs `body` with a span from ``startSpan(_:kind:context:attributes:function:file:line:)`` as the current context,
    /// so the spans `body` makes nest under it; the span stays open (a server span that outlives one call: a gRPC
    /// handler's response stream).
    public static func withCurrent<T>(
        _ span: any Span, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws -> T {
        try await InstrumentationContext.$current.withValue(span.context, operation: body, isolation: isolation)
    }

    /// The `rethrows` form of ``span(_:kind:context:attributes:onResult:function:file:line:_:)-2k2w5``, for bodies of
    /// `rethrows` functions, which may only call other `rethrows` functions.
    @inlinable
    public static func rethrowingSpan<T>(
        _ name: String,
        kind: SpanKind = .internal,
        context: InstrumentationContext? = nil,
        enabled: Bool = true,
        attributes: (any Span) -> Void = { _ in },
        onResult: (any Span, T) -> Void = { _, _ in },
        function: String = #function,
        file: String = #fileID,
        line: UInt = #line,
        _ body: (any Span) throws -> T
    ) rethrows -> T {
        guard enabled, shouldTrace else { return try body(untracedSpan) }
        let (span, inCurrentContext) = startInParent(name, kind: kind, context: context, function: function, file: file, line: line)
        // Dropped by its parent's sampling decision: nothing to record or end, and the parent's context is current.
        if inCurrentContext { return try body(span) }
        defer { TracerCall.end(span) }
        if span.isRecording { attributes(span) }
        do {
            let value = try InstrumentationContext.$current.withValue(span.context) { try body(span) }
            if span.isRecording { onResult(span, value) }
            return value
        } catch {
            fail(span, error)
            throw error
        }
    }

    /// The async form of ``rethrowingSpan(_:kind:context:enabled:attributes:onResult:function:file:line:_:)``, for
    /// bodies of `async rethrows` functions.
    @inlinable
    public static func rethrowingSpan<T>(
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
        _ body: (any Span) async throws -> T
    ) async rethrows -> T {
        guard enabled, shouldTrace else { return try await body(untracedSpan) }
        return try await nonsendingRethrowingSpan(
            name, kind: kind, context: context, attributes: attributes, onResult: onResult, isolation: isolation,
            function: function, file: file, line: line, body
        )
    }

    /// Starts a span that the caller must end: for bodies that cannot be wrapped in a closure (initializers).
    /// The span does not become the current context.
    @inlinable
    public static func startSpan(
        _ name: String,
        kind: SpanKind = .internal,
        context: InstrumentationContext? = nil,
        attributes: (any Span) -> Void = { _ in },
        function: String = #function,
        file: String = #fileID,
        line: UInt = #line
    ) -> any Span {
        let span = start(name, kind: kind, context: context, function: function, file: file, line: line)
        if span.isRecording { attributes(span) }
        return span
    }

    /// Ends a span from ``startSpan(_:kind:context:attributes:function:file:line:)``: a static function rather than
    /// `span.end()`, so that a file compiled with `MemberImportVisibility` needs no `import Tracing` to call it.
    @inlinable
    public static func end(_ span: any Span) { TracerCall.end(span) }

    // MARK: Fast path when nothing traces

    /// Whether injected spans should be recorded: one relaxed load and store while tracing is off, exact once it is on.
    /// The state (`instswift_recheck_countdown`, in C for a direct load) counts calls left before the tracer is looked
    /// up again, as tracing may be bootstrapped later; -1 once a real tracer was seen (bootstrapping cannot be undone);
    /// `Int.max` when `OTEL_SDK_DISABLED=true`.
    @inlinable @inline(__always)
    static var shouldTrace: Bool {
        let countdown = instswift_countdown_load()
        if countdown < 0 { return instswift_tracer_depth_load() == 0 }
        if countdown > 0 {
            instswift_countdown_store(countdown - 1)
            return false
        }
        return lookUpTracer()
    }

    /// The slow path of ``shouldTrace``: asks the instrumentation system whether a real tracer is bootstrapped.
    @usableFromInline @inline(never)
    static func lookUpTracer() -> Bool {
        // Code the bootstrap itself runs (swift-otel's, or a dependency's a rule instruments) is not traced: its span
        // would ask for the tracer being made, and bootstrap again inside the bootstrap.
        if instswift_tracer_depth_load() != 0 { return false }
        if disabledByEnvironment {
            instswift_countdown_store(Int.max)
            return false
        }
        var tracer = InstrumentationSystem.tracer
        if tracer is NoOpTracer, autoBootstrap, instswift_auto_bootstrap() != 0 {
            tracer = InstrumentationSystem.tracer
        }
        let active = !(tracer is NoOpTracer)
        if active { BootstrappedTracer.remember(tracer) }
        instswift_countdown_store(active ? -1 : 1024)
        return active
    }

    /// `INSTSWIFT_AUTO_BOOTSTRAP=1` (set by `instswift swift test`): bootstrap on the first span when the program has
    /// not, for processes whose entry point no rule can reach (test runners). Off otherwise, because a program that
    /// bootstraps tracing itself after its first span would then find tracing already bootstrapped.
    /// Also off when `INSTSWIFT_SELF_BOOTSTRAPPING_TESTS` names a folder with a record in it: the build found a test file
    /// that bootstraps tracing itself, which a bootstrap made here first would make stop the process.
    static let autoBootstrap: Bool = {
        guard getenv("INSTSWIFT_AUTO_BOOTSTRAP").map({ String(cString: $0) == "1" }) ?? false else { return false }
        guard let folder = getenv("INSTSWIFT_SELF_BOOTSTRAPPING_TESTS").map({ String(cString: $0) }),
            let record = firstRecord(in: folder)
        else { return true }
        let note =
            "instswift: test processes are not bootstrapped by instswift: the tests bootstrap tracing themselves (\(record)), "
            + "and tracing can be bootstrapped once per process\n"
        var bytes = Array(note.utf8)
        _ = write(2, &bytes, bytes.count)
        return false
    }()

    /// The text of the first record in `folder` (a `path:line`), or nil when there is none.
    static func firstRecord(in folder: String) -> String? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix("."), let file = fopen(folder + "/" + name, "r") else { continue }
            defer { fclose(file) }
            var buffer = [CChar](repeating: 0, count: 4096)
            guard fgets(&buffer, Int32(buffer.count), file) != nil else { continue }
            let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return line.hasSuffix("\n") ? String(line.dropLast()) : line
        }
        return nil
    }

    /// `OTEL_SDK_DISABLED=true`: injected spans are never recorded.
    static let disabledByEnvironment: Bool = {
        guard let value = getenv("OTEL_SDK_DISABLED") else { return false }
        return String(cString: value).lowercased() == "true"
    }()

    /// Runs `body` with the spans instrumented code starts in it on this thread untraced, as in a call into the tracer.
    /// The bootstrap runs this way: a dependency a rule instruments, run by swift-otel while it starts, would otherwise
    /// ask for the tracer being made.
    public static func withoutTracing<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        instswift_tracer_depth_add(1)
        defer { instswift_tracer_depth_add(-1) }
        return try body()
    }

    /// Tells injected code that tracing was just bootstrapped, so it stops skipping spans at once (instead of after up
    /// to 1024 calls). `InstSwiftOTel` calls it; an app that bootstraps tracing itself may too.
    public static func tracingDidChange() {
        instswift_countdown_store(0)
    }

    /// The span bodies see when nothing traces.
    @inlinable
    static var untracedSpan: any Span { UntracedSpan() }

    @usableFromInline
    static func start(
        _ name: String, kind: SpanKind, context: InstrumentationContext?, function: String, file: String, line: UInt
    ) -> any Span {
        startInParent(name, kind: kind, context: context, function: function, file: file, line: line).span
    }

    /// Starts a span under `context`, else the current context; `inCurrentContext` when the span's context is the
    /// current context itself (the sampler dropped it by its parent), so that its body need not be run in it again.
    @usableFromInline
    static func startInParent(
        _ name: String, kind: SpanKind, context: InstrumentationContext?, function: String, file: String, line: UInt
    ) -> (span: any Span, inCurrentContext: Bool) {
        let thread = context == nil ? ThreadSpanStack.top : nil
        let parent = context ?? thread ?? InstrumentationContext.current ?? .topLevel
        let started = BootstrappedTracer.startSpan(name, kind: kind, parent: parent, function: function, file: file, line: line)
        return (started.span, started.inParentContext && context == nil && thread == nil)
    }

    /// Records a thrown error: an exception event, `error.type` and an error status.
    @usableFromInline
    static func fail(_ span: any Span, _ error: any Error) {
        span.recordError(error)
        // A rule's error hook may have named the error better (a SQLSTATE, a provider's code): it wins.
        if span.attributes[SemanticConventions.errorType] == nil {
            span.attributes[SemanticConventions.errorType] = String(reflecting: type(of: error))
        }
        span.setStatus(SpanStatus(code: .error))
    }
}

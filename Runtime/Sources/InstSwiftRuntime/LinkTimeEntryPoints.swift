import Tracing
import Instrumentation

// The runtime as modules reach it that cannot import it: a dependency's modules, which see only their own
// dependencies and are built in no fixed order with this one. instswift adds to such a module declarations of these
// functions under the same `@_silgen_name` and signature (InstSwiftSwift's `LinkTimeContract`, version 1), and the
// linker joins them here, in the program that links InstSwiftRuntime; other programs get stubs that run bodies
// untraced. Only standard-library types cross: spans travel as opaque pointers to a `LinkedSpan`. A test checks
// that every declaration below matches the contract, so changing a signature means a new version of the symbol.
// See docs/adr/0005-dependency-modules-reach-the-runtime-at-link-time.md.

/// A span handed to code in another module as an opaque pointer, valid while the span is open.
final class LinkedSpan: Sendable {
    let span: any Span

    init(_ span: any Span) { self.span = span }

    /// Runs `body` with a pointer to a box of `span`, which lives until `body` returns.
    static func with<T>(_ span: any Span, _ body: (UnsafeMutableRawPointer) throws -> T) rethrows -> T {
        let box = LinkedSpan(span)
        return try withExtendedLifetime(box) { try body(Unmanaged.passUnretained(box).toOpaque()) }
    }

    static func from(_ pointer: UnsafeMutableRawPointer) -> LinkedSpan {
        Unmanaged<LinkedSpan>.fromOpaque(pointer).takeUnretainedValue()
    }
}

extension SpanKind {
    /// The span kind from its number in the link-time contract (OpenTelemetry's order, starting at internal = 0).
    init(linked number: Int) {
        switch number {
        case 1: self = .server
        case 2: self = .client
        case 3: self = .producer
        case 4: self = .consumer
        default: self = .internal
        }
    }
}

/// Runs `body` in a span that becomes the current context; `body` gets nil when nothing traces.
@_silgen_name("instswift_v1_span_sync")
public func instswiftV1SpanSync(
    _ name: String, _ kind: Int, _ parent: [String: String]?, _ function: String, _ file: String, _ line: UInt,
    _ attributes: (UnsafeMutableRawPointer) -> Void, _ body: (UnsafeMutableRawPointer?) throws -> Void
) rethrows {
    guard InstSwift.shouldTrace else { return try body(nil) }
    try InstSwift.rethrowingSpan(
        name, kind: SpanKind(linked: kind), context: parent.map { InstSwift.extract(from: $0) },
        attributes: { span in LinkedSpan.with(span, attributes) }, function: function, file: file, line: line
    ) { span in try LinkedSpan.with(span, body) }
}

/// The async form of `instswift_v1_span_sync`. (v2: `body`'s convention is spelled out — v1 left it to the calling
/// module's `NonisolatedNonsendingByDefault`, and a module with it on crashed calling the runtime.)
@_silgen_name("instswift_v2_span_async")
public func instswiftV2SpanAsync(
    _ name: String, _ kind: Int, _ parent: [String: String]?, _ function: String, _ file: String, _ line: UInt,
    _ attributes: (UnsafeMutableRawPointer) -> Void, _ isolation: isolated (any Actor)?,
    _ body: nonisolated(nonsending) (UnsafeMutableRawPointer?) async throws -> Void
) async throws {
    // The rethrowing entry point, called with a throwing body, throws what the body throws.
    try await instswiftV1SpanAsyncRethrows(name, kind, parent, function, file, line, attributes, isolation, body)
}

/// The `rethrows` form of `instswift_v2_span_async`, for bodies of `async rethrows` functions.
@_silgen_name("instswift_v1_span_async_rethrows")
public func instswiftV1SpanAsyncRethrows(
    _ name: String, _ kind: Int, _ parent: [String: String]?, _ function: String, _ file: String, _ line: UInt,
    _ attributes: (UnsafeMutableRawPointer) -> Void, _ isolation: isolated (any Actor)?,
    _ body: nonisolated(nonsending) (UnsafeMutableRawPointer?) async throws -> Void
) async rethrows {
    guard InstSwift.shouldTrace else { return try await body(nil) }
    let span = InstSwift.start(
        name, kind: SpanKind(linked: kind), context: parent.map { InstSwift.extract(from: $0) }, function: function,
        file: file, line: line
    )
    defer { TracerCall.end(span) }
    let box = LinkedSpan(span)
    defer { withExtendedLifetime(box) {} }
    let pointer = Unmanaged.passUnretained(box).toOpaque()
    if span.isRecording { attributes(pointer) }
    do {
        // The operation names `isolation`, which isolates it to the caller's actor: `body` is `nonisolated(nonsending)`
        // and must run where the caller's body ran (a module built with NonisolatedNonsendingByDefault; docs/adr/0016).
        try await InstrumentationContext.$current.withValue(
            span.context,
            operation: {
                _ = isolation; try await body(pointer)
            }, isolation: isolation)
    } catch {
        InstSwift.fail(span, error)
        throw error
    }
}

/// Starts a span the caller ends with `instswift_v1_span_end` (initializers); nil when nothing traces.
@_silgen_name("instswift_v1_span_start")
public func instswiftV1SpanStart(
    _ name: String, _ kind: Int, _ parent: [String: String]?, _ function: String, _ file: String, _ line: UInt,
    _ attributes: (UnsafeMutableRawPointer) -> Void
) -> UnsafeMutableRawPointer? {
    guard InstSwift.shouldTrace else { return nil }
    let span = InstSwift.start(
        name, kind: SpanKind(linked: kind), context: parent.map { InstSwift.extract(from: $0) }, function: function,
        file: file, line: line
    )
    let pointer = Unmanaged.passRetained(LinkedSpan(span)).toOpaque()
    if span.isRecording { attributes(pointer) }
    return pointer
}

/// Runs `body` with a span from `instswift_v1_span_start` as the current context; does not end it.
@_silgen_name("instswift_v1_span_run")
public func instswiftV1SpanRun(
    _ span: UnsafeMutableRawPointer, _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) () async throws -> Void
) async throws {
    try await InstrumentationContext.$current.withValue(
        LinkedSpan.from(span).span.context,
        operation: {
            _ = isolation; try await body()
        }, isolation: isolation)
}

/// Ends a span from `instswift_v1_span_start` and releases it.
@_silgen_name("instswift_v1_span_end")
public func instswiftV1SpanEnd(_ span: UnsafeMutableRawPointer) {
    TracerCall.end(Unmanaged<LinkedSpan>.fromOpaque(span).takeRetainedValue().span)
}

@_silgen_name("instswift_v1_span_set_string")
public func instswiftV1SpanSetString(_ span: UnsafeMutableRawPointer, _ key: String, _ value: String) {
    InstSwift.record(key, value, on: LinkedSpan.from(span).span)
}

@_silgen_name("instswift_v1_span_set_int")
public func instswiftV1SpanSetInt(_ span: UnsafeMutableRawPointer, _ key: String, _ value: Int64) {
    LinkedSpan.from(span).span.attributes[key] = value
}

@_silgen_name("instswift_v1_span_set_double")
public func instswiftV1SpanSetDouble(_ span: UnsafeMutableRawPointer, _ key: String, _ value: Double) {
    LinkedSpan.from(span).span.attributes[key] = value
}

@_silgen_name("instswift_v1_span_set_bool")
public func instswiftV1SpanSetBool(_ span: UnsafeMutableRawPointer, _ key: String, _ value: Bool) {
    LinkedSpan.from(span).span.attributes[key] = value
}

@_silgen_name("instswift_v1_span_set_strings")
public func instswiftV1SpanSetStrings(_ span: UnsafeMutableRawPointer, _ key: String, _ value: [String]) {
    LinkedSpan.from(span).span.attributes[key] = value
}

/// Marks the span failed without an error value (a status code that means failure, say).
@_silgen_name("instswift_v1_span_set_error_status")
public func instswiftV1SpanSetErrorStatus(_ span: UnsafeMutableRawPointer, _ message: String?) {
    LinkedSpan.from(span).span.setStatus(SpanStatus(code: .error, message: message))
}

/// Hands the current context's W3C headers (`traceparent`, `tracestate`, `baggage`) to `write`.
@_silgen_name("instswift_v1_inject")
public func instswiftV1Inject(_ write: (String, String) -> Void) {
    var headers: [String: String] = [:]
    InstSwift.inject(into: &headers)
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) { write(name, value) }
}

@_silgen_name("instswift_v1_span_inject")
public func instswiftV1SpanInject(_ span: UnsafeMutableRawPointer, _ write: (String, String) -> Void) {
    var headers: [String: String] = [:]
    InstSwift.inject(into: &headers, from: LinkedSpan.from(span).span)
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) { write(name, value) }
}

@_silgen_name("instswift_v1_db_query_summary")
public func instswiftV1DBQuerySummary(_ sql: String) -> String? {
    InstSwift.dbQuerySummary(sql)
}

@_silgen_name("instswift_v1_db_query_text")
public func instswiftV1DBQueryText(_ sql: String) -> String {
    InstSwift.dbQueryText(sql)
}

@_silgen_name("instswift_v1_mark")
public func instswiftV1Mark(_ name: String) {
    InstSwift.mark(name)
}

@_silgen_name("instswift_v1_is_marked")
public func instswiftV1IsMarked(_ name: String) -> Bool {
    InstSwift.isMarked(name)
}

/// Links a span handed out at link time to the remote context in W3C headers.
@_silgen_name("instswift_v1_span_link")
public func instswiftV1SpanLink(_ span: UnsafeMutableRawPointer, _ headers: [String: String]) {
    InstSwift.link(LinkedSpan.from(span).span, to: headers)
}

/// Renames a span handed out at link time (`rename:`).
@_silgen_name("instswift_v1_span_set_name")
public func instswiftV1SpanSetName(_ span: UnsafeMutableRawPointer, _ name: String) {
    LinkedSpan.from(span).span.operationName = name
}

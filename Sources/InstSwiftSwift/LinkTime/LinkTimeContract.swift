/// The runtime functions that instrumented modules which cannot import `InstSwiftRuntime` (a dependency's modules)
/// reach at link time, by `@_silgen_name` (each symbol versioned: a changed signature is a new symbol). Async function
/// types are spelled `nonisolated(nonsending)`: unspelled, their calling convention would follow the module's
/// `NonisolatedNonsendingByDefault` setting (PostgresNIO turns it on), and the two sides of the link would disagree. `InstSwiftRuntime/LinkTimeEntryPoints.swift` defines them with
/// exactly these signatures (a test compares the two); programs that do not link the runtime get ``stubSource``.
public enum LinkTimeContract {
    /// One entry point: its symbol, the Swift name the support code calls it by, its parameters and effects, and what
    /// the stub does when the runtime is absent.
    public struct Entry: Sendable {
        public let symbol: String
        public let name: String
        /// Everything after the name: `(_ a: T, ...) async throws -> R`.
        public let signature: String
        let stubBody: String
    }

    static let spanParameters =
        "_ name: String, _ kind: Int, _ parent: [String: String]?, _ function: String, _ file: String, _ line: UInt, _ attributes: (UnsafeMutableRawPointer) -> Void"

    public static let entries: [Entry] = [
        Entry(
            symbol: "instswift_v1_span_sync", name: "instswiftV1SpanSync",
            signature: "(\(spanParameters), _ body: (UnsafeMutableRawPointer?) throws -> Void) rethrows",
            stubBody: "try body(nil)"
        ),
        Entry(
            symbol: "instswift_v2_span_async", name: "instswiftV2SpanAsync",
            signature:
                "(\(spanParameters), _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) (UnsafeMutableRawPointer?) async throws -> Void) async throws",
            stubBody: "try await body(nil)"
        ),
        Entry(
            symbol: "instswift_v1_span_async_rethrows", name: "instswiftV1SpanAsyncRethrows",
            signature:
                "(\(spanParameters), _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) (UnsafeMutableRawPointer?) async throws -> Void) async rethrows",
            stubBody: "try await body(nil)"
        ),
        Entry(
            symbol: "instswift_v1_span_start", name: "instswiftV1SpanStart",
            signature: "(\(spanParameters)) -> UnsafeMutableRawPointer?", stubBody: "nil"
        ),
        Entry(symbol: "instswift_v1_span_end", name: "instswiftV1SpanEnd", signature: "(_ span: UnsafeMutableRawPointer)", stubBody: ""),
        Entry(
            symbol: "instswift_v1_span_run", name: "instswiftV1SpanRun",
            signature:
                "(_ span: UnsafeMutableRawPointer, _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) () async throws -> Void) async throws",
            stubBody: "try await body()"
        ),
        Entry(
            symbol: "instswift_v1_span_set_string", name: "instswiftV1SpanSetString",
            signature: "(_ span: UnsafeMutableRawPointer, _ key: String, _ value: String)", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_span_set_int", name: "instswiftV1SpanSetInt",
            signature: "(_ span: UnsafeMutableRawPointer, _ key: String, _ value: Int64)", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_span_set_double", name: "instswiftV1SpanSetDouble",
            signature: "(_ span: UnsafeMutableRawPointer, _ key: String, _ value: Double)", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_span_set_bool", name: "instswiftV1SpanSetBool",
            signature: "(_ span: UnsafeMutableRawPointer, _ key: String, _ value: Bool)", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_span_set_strings", name: "instswiftV1SpanSetStrings",
            signature: "(_ span: UnsafeMutableRawPointer, _ key: String, _ value: [String])", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_span_set_error_status", name: "instswiftV1SpanSetErrorStatus",
            signature: "(_ span: UnsafeMutableRawPointer, _ message: String?)", stubBody: ""
        ),
        Entry(symbol: "instswift_v1_inject", name: "instswiftV1Inject", signature: "(_ write: (String, String) -> Void)", stubBody: ""),
        Entry(
            symbol: "instswift_v1_span_inject", name: "instswiftV1SpanInject",
            signature: "(_ span: UnsafeMutableRawPointer, _ write: (String, String) -> Void)", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_db_query_summary", name: "instswiftV1DBQuerySummary",
            signature: "(_ sql: String) -> String?", stubBody: "nil"
        ),
        Entry(symbol: "instswift_v1_db_query_text", name: "instswiftV1DBQueryText", signature: "(_ sql: String) -> String", stubBody: "sql"),
        Entry(
            symbol: "instswift_v1_db_operation_current", name: "instswiftV1DBOperationCurrent",
            signature: "() -> UnsafeMutableRawPointer?", stubBody: "nil"
        ),
        Entry(
            symbol: "instswift_v1_db_operation_run", name: "instswiftV1DBOperationRun",
            signature:
                "(_ span: UnsafeMutableRawPointer, _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) () async throws -> Void) async throws",
            stubBody: "try await body()"
        ),
        Entry(
            symbol: "instswift_v1_db_operation_run_sync", name: "instswiftV1DBOperationRunSync",
            signature: "(_ span: UnsafeMutableRawPointer, _ body: () throws -> Void) rethrows", stubBody: "try body()"
        ),
        Entry(
            symbol: "instswift_v1_db_claim_for", name: "instswiftV1DBClaimFor",
            signature: "(_ sql: String, _ span: UnsafeMutableRawPointer?) -> UInt64", stubBody: "0"
        ),
        Entry(symbol: "instswift_v1_db_release_claim", name: "instswiftV1DBReleaseClaim", signature: "(_ claim: UInt64)", stubBody: ""),
        Entry(
            symbol: "instswift_v1_db_take_claimed_operation", name: "instswiftV1DBTakeClaimedOperation",
            signature: "(_ sql: String) -> UnsafeMutableRawPointer?", stubBody: "nil"
        ),
        Entry(
            symbol: "instswift_v1_span_fail", name: "instswiftV1SpanFail",
            signature: "(_ span: UnsafeMutableRawPointer, _ error: any Error)", stubBody: ""
        ),
        Entry(symbol: "instswift_v1_mark", name: "instswiftV1Mark", signature: "(_ name: String)", stubBody: ""),
        Entry(symbol: "instswift_v1_is_marked", name: "instswiftV1IsMarked", signature: "(_ name: String) -> Bool", stubBody: "false"),
        Entry(
            symbol: "instswift_v1_span_set_name", name: "instswiftV1SpanSetName",
            signature: "(_ span: UnsafeMutableRawPointer, _ name: String)", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_genai_start", name: "instswiftV1GenAIStart",
            signature: "(_ method: String, _ url: String, _ body: UnsafeRawBufferPointer?) -> UnsafeMutableRawPointer?", stubBody: "nil"
        ),
        Entry(
            symbol: "instswift_v2_genai_run", name: "instswiftV2GenAIRun",
            signature:
                "(_ exchange: UnsafeMutableRawPointer, _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) () async throws -> Void) async throws",
            stubBody: "try await body()"
        ),
        Entry(
            symbol: "instswift_v1_genai_run_sync", name: "instswiftV1GenAIRunSync",
            signature: "(_ exchange: UnsafeMutableRawPointer, _ body: () -> Void)", stubBody: "body()"
        ),
        Entry(
            symbol: "instswift_v1_genai_request_body", name: "instswiftV1GenAIRequestBody",
            signature: "(_ exchange: UnsafeMutableRawPointer, _ bytes: UnsafeRawBufferPointer)", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_genai_response_head", name: "instswiftV1GenAIResponseHead",
            signature: "(_ exchange: UnsafeMutableRawPointer, _ status: Int, _ contentType: String?)", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_genai_received", name: "instswiftV1GenAIReceived",
            signature: "(_ exchange: UnsafeMutableRawPointer, _ bytes: UnsafeRawBufferPointer)", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_genai_finish", name: "instswiftV1GenAIFinish",
            signature: "(_ exchange: UnsafeMutableRawPointer, _ error: (any Error)?)", stubBody: ""
        ),
        Entry(symbol: "instswift_v1_genai_release", name: "instswiftV1GenAIRelease", signature: "(_ exchange: UnsafeMutableRawPointer)", stubBody: ""),
        Entry(
            symbol: "instswift_v1_genai_watch_task", name: "instswiftV1GenAIWatchTask",
            signature: "(_ exchange: UnsafeMutableRawPointer, _ task: UnsafeMutableRawPointer)", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_genai_task_received", name: "instswiftV1GenAITaskReceived",
            signature: "(_ task: UnsafeMutableRawPointer, _ bytes: UnsafeRawBufferPointer, _ head: () -> (status: Int, contentType: String?))",
            stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_genai_task_downloaded", name: "instswiftV1GenAITaskDownloaded",
            signature: "(_ task: UnsafeMutableRawPointer, _ path: () -> String, _ head: () -> (status: Int, contentType: String?))",
            stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_genai_finish_task", name: "instswiftV1GenAIFinishTask",
            signature: "(_ task: UnsafeMutableRawPointer, _ status: Int, _ contentType: String?, _ error: (any Error)?)", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_span_link", name: "instswiftV1SpanLink",
            signature: "(_ span: UnsafeMutableRawPointer, _ headers: [String: String])", stubBody: ""
        ),
        Entry(
            symbol: "instswift_v1_record_histogram", name: "instswiftV1RecordHistogram",
            signature: "(_ name: String, _ value: Double, _ unit: String, _ dimensions: [String: String])", stubBody: ""
        ),
    ]

    /// The declarations support code calls (bodies are in the runtime, or the stub).
    static var declarations: String {
        entries.map { "@_silgen_name(\"\($0.symbol)\") @usableFromInline func \($0.name)\($0.signature)" }.joined(separator: "\n")
    }

    /// Definitions for programs that link instrumented dependency modules but not the runtime (plugin tools, other
    /// executables of the graph): every body runs untraced.
    public static var stubSource: String {
        "// instswift: link-time runtime stubs for a program that does not link InstSwiftRuntime; bodies run untraced.\n"
            + entries.map { "@_silgen_name(\"\($0.symbol)\") public func \($0.name)\($0.signature) { \($0.stubBody) }" }
            .joined(separator: "\n") + "\n"
    }
}

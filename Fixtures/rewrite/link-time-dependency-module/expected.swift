struct HandlerError: Error { var code: Int }

struct Handler {
    func handle(method: String, headers: [String: String], body: [UInt8], tag: String?) throws(HandlerError) -> Int {/*<instswift>*/ return try InstSwift.span("Handler.handle", kind: .server, context: InstSwift.extract(from: headers), enabled: !(method == "OPTIONS" || InstSwift.isMarked("server-kit.own-tracing")), attributes: { instswiftSpan in InstSwift.record("http.request.method", method, on: instswiftSpan); InstSwift.record("request.size", body.count, on: instswiftSpan); InstSwift.record("request.tag", tag, on: instswiftSpan) }, onResult: { instswiftSpan, instswiftResult in InstSwift.record("http.response.status_code", instswiftResult, on: instswiftSpan); InstSwift.rename(instswiftSpan, tag.map { "\(method) \($0)" }) }, onError: { instswiftSpan, instswiftError in InstSwift.record("error.detail", String(describing: instswiftError), on: instswiftSpan); InstSwift.rename(instswiftSpan, tag.map { "\(method) \($0)" }) }) { (instswiftSpan) throws(HandlerError) -> Int in /*</instswift>*/
        if body.isEmpty { throw HandlerError(code: 400) }
        return 200
    /*<instswift>*/}/*</instswift>*/}

    func handleLater(method: String, headers: [(name: String, value: String)], body: [UInt8], tag: String?) async throws -> Int {/*<instswift>*/ return try await InstSwift.span("Handler.handleLater", kind: .server, context: InstSwift.extract(from: headers), enabled: !(method == "OPTIONS" || InstSwift.isMarked("server-kit.own-tracing")), attributes: { instswiftSpan in InstSwift.record("http.request.method", method, on: instswiftSpan); InstSwift.record("request.size", body.count, on: instswiftSpan); InstSwift.record("request.tag", tag, on: instswiftSpan) }, onResult: { instswiftSpan, instswiftResult in InstSwift.record("http.response.status_code", instswiftResult, on: instswiftSpan); InstSwift.rename(instswiftSpan, tag.map { "\(method) \($0)" }) }, onError: { instswiftSpan, instswiftError in InstSwift.record("error.detail", String(describing: instswiftError), on: instswiftSpan); InstSwift.rename(instswiftSpan, tag.map { "\(method) \($0)" }) }) { (instswiftSpan) async throws -> Int in /*</instswift>*/
        try await Task.sleep(nanoseconds: 1)
        return 204
    /*<instswift>*/}/*</instswift>*/}
}

final class Connection {
    let name: String
    init(name: String) {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("Connection.init"); defer { InstSwift.end(instswiftSpan) }; /*</instswift>*/
        self.name = name
    }

    func send(headers: [String: String]) -> Int {/*<instswift>*/ return InstSwift.syncSpan("Connection.send") { (instswiftSpan) throws(Never) -> Int in var headers = headers; InstSwift.inject(into: &headers); /*</instswift>*/
        /*<instswift>*/return /*</instswift>*/headers.count
    /*<instswift>*/}/*</instswift>*/}

    func map<T>(_ transform: (String) throws -> T) rethrows -> T {/*<instswift>*/ return try InstSwift.rethrowingSpan("Connection.map") { (instswiftSpan) throws -> T in /*</instswift>*/
        try transform(name)
    /*<instswift>*/}/*</instswift>*/}

    func map<T>(_ transform: (String) async throws -> T) async rethrows -> T {/*<instswift>*/ return try await InstSwift.rethrowingSpan("Connection.map") { (instswiftSpan) async throws -> T in /*</instswift>*/
        try await transform(name)
    /*<instswift>*/}/*</instswift>*/}
}

actor Pool {
    var connections: [Connection] = []

    func add(_ connection: Connection) async {/*<instswift>*/ return await InstSwift.asyncSpan("Pool.add") { (instswiftSpan) async throws(Never) -> Void in /*</instswift>*/
        connections.append(connection)
    /*<instswift>*/}/*</instswift>*/}
}

@inlinable
public func checksum(_ bytes: [UInt8]) -> Int {/*<instswift>*/ return InstSwift.syncSpan("checksum") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    bytes.reduce(0) { $0 &+ Int($1) }
/*<instswift>*/}/*</instswift>*/}

func numbers() -> AsyncStream<Int> {/*<instswift>*/ return InstSwift.syncSpan("numbers") { (instswiftSpan) throws(Never) -> AsyncStream<Int> in /*</instswift>*/
    AsyncStream { $0.finish() }
/*<instswift>*/}/*</instswift>*/}
/*<instswift>*/
#sourceLocation(file: "instswift-link-time-support.swift", line: 1)

// MARK: - instswift link-time support (generated; not part of this module's source)
// This module cannot import InstSwiftRuntime, so the code instswift injected into it reaches the runtime through
// link-time symbols (docs/adr/0005). The program that links InstSwiftRuntime gets traced spans; others run untraced.
@usableFromInline enum InstSwift {
    /// A span as injected code sees it; `handle` is nil when nothing traces. Sendable as the runtime's spans are
    /// (their state is locked).
    @usableFromInline struct Span: @unchecked Sendable {
        @usableFromInline let handle: UnsafeMutableRawPointer?
        @usableFromInline init(_ handle: UnsafeMutableRawPointer?) { self.handle = handle }
        @usableFromInline var isRecording: Bool { handle != nil }
        /// The span's name; it can only be set here (reading gives "").
        @usableFromInline var operationName: String {
            get { "" }
            nonmutating set { if let handle { instswiftV1SpanSetName(handle, newValue) } }
        }
        /// Ends a span from ``InstSwift/startSpan(_:kind:context:attributes:function:file:line:)``.
        @usableFromInline func end() { if let handle { instswiftV1SpanEnd(handle) } }
    }

    /// The span type rules' declarations name, as in modules that import the runtime.
    @usableFromInline typealias AnySpan = Span

    @usableFromInline enum Kind: Int { case `internal` = 0, server, client, producer, consumer }

    /// Inbound W3C trace context (`traceparent`, `tracestate`, `baggage`).
    @usableFromInline struct Context {
        @usableFromInline var headers: [String: String]
        @usableFromInline init(_ headers: [String: String]) { self.headers = headers }
    }

    @usableFromInline static let contextHeaders: Set<String> = ["traceparent", "tracestate", "baggage"]

    @usableFromInline static func syncSpan<T, E: Error>(
        _ name: String, function: String = #function, file: String = #fileID, line: UInt = #line,
        _ body: (Span) throws(E) -> T
    ) throws(E) -> T {
        try span(name, function: function, file: file, line: line, body)
    }

    @usableFromInline static func asyncSpan<T, E: Error>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, function: String = #function,
        file: String = #fileID, line: UInt = #line, _ body: (Span) async throws(E) -> T
    ) async throws(E) -> T {
        try await span(name, isolation: isolation, function: function, file: file, line: line, body)
    }

    @usableFromInline static func span<T, E: Error>(
        _ name: String, kind: Kind = .internal, context: Context? = nil, enabled: Bool = true,
        attributes: (Span) -> Void = { _ in }, onResult: (Span, T) -> Void = { _, _ in },
        onError: (Span, E) -> Void = { _, _ in }, function: String = #function, file: String = #fileID,
        line: UInt = #line, _ body: (Span) throws(E) -> T
    ) throws(E) -> T {
        guard enabled else { return try body(Span(nil)) }
        var result: T?
        do {
            try instswiftV1SpanSync(name, kind.rawValue, context?.headers, function, file, line, { attributes(Span($0)) }) { handle in
                let span = Span(handle)
                do throws(E) {
                    let value = try body(span)
                    if handle != nil { onResult(span, value) }
                    result = value
                } catch {
                    if handle != nil { onError(span, error) }
                    throw error
                }
            }
        } catch {
            throw error as! E
        }
        return result!
    }

    @usableFromInline static func nonsendingAsyncSpan<T, E: Error>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, function: String = #function,
        file: String = #fileID, line: UInt = #line, _ body: nonisolated(nonsending) (Span) async throws(E) -> T
    ) async throws(E) -> T {
        try await nonsendingSpan(name, isolation: isolation, function: function, file: file, line: line, body)
    }

    /// The body runs where its own type says: a plain async closure on the global executor (unless this
    /// module's async functions are `nonisolated(nonsending)` by default), whatever this span passes it as.
    @usableFromInline static func span<T, E: Error>(
        _ name: String, kind: Kind = .internal, context: Context? = nil, enabled: Bool = true,
        attributes: (Span) -> Void = { _ in }, onResult: (Span, T) -> Void = { _, _ in },
        onError: (Span, E) -> Void = { _, _ in }, isolation: isolated (any Actor)? = #isolation,
        function: String = #function, file: String = #fileID, line: UInt = #line, _ body: (Span) async throws(E) -> T
    ) async throws(E) -> T {
        try await nonsendingSpan(
            name, kind: kind, context: context, enabled: enabled, attributes: attributes, onResult: onResult,
            onError: onError, isolation: isolation, function: function, file: file, line: line, body)
    }

    /// The span of a `nonisolated(nonsending)` function's body, which runs on the caller's actor.
    @usableFromInline static func nonsendingSpan<T, E: Error>(
        _ name: String, kind: Kind = .internal, context: Context? = nil, enabled: Bool = true,
        attributes: (Span) -> Void = { _ in }, onResult: (Span, T) -> Void = { _, _ in },
        onError: (Span, E) -> Void = { _, _ in }, isolation: isolated (any Actor)? = #isolation,
        function: String = #function, file: String = #fileID, line: UInt = #line,
        _ body: nonisolated(nonsending) (Span) async throws(E) -> T
    ) async throws(E) -> T {
        guard enabled else { return try await body(Span(nil)) }
        var result: T?
        do {
            try await instswiftV2SpanAsync(name, kind.rawValue, context?.headers, function, file, line, { attributes(Span($0)) }, isolation) { handle in
                let span = Span(handle)
                do throws(E) {
                    let value = try await body(span)
                    if handle != nil { onResult(span, value) }
                    result = value
                } catch {
                    if handle != nil { onError(span, error) }
                    throw error
                }
            }
        } catch {
            throw error as! E
        }
        return result!
    }

    @usableFromInline static func rethrowingSpan<T>(
        _ name: String, kind: Kind = .internal, context: Context? = nil, enabled: Bool = true,
        attributes: (Span) -> Void = { _ in }, onResult: (Span, T) -> Void = { _, _ in },
        function: String = #function, file: String = #fileID, line: UInt = #line, _ body: (Span) throws -> T
    ) rethrows -> T {
        guard enabled else { return try body(Span(nil)) }
        var result: T?
        try instswiftV1SpanSync(name, kind.rawValue, context?.headers, function, file, line, { attributes(Span($0)) }) { handle in
            let value = try body(Span(handle))
            if handle != nil { onResult(Span(handle), value) }
            result = value
        }
        return result!
    }

    @usableFromInline static func rethrowingSpan<T>(
        _ name: String, kind: Kind = .internal, context: Context? = nil, enabled: Bool = true,
        attributes: (Span) -> Void = { _ in }, onResult: (Span, T) -> Void = { _, _ in },
        isolation: isolated (any Actor)? = #isolation, function: String = #function, file: String = #fileID,
        line: UInt = #line, _ body: (Span) async throws -> T
    ) async rethrows -> T {
        try await nonsendingRethrowingSpan(
            name, kind: kind, context: context, enabled: enabled, attributes: attributes, onResult: onResult,
            isolation: isolation, function: function, file: file, line: line, body)
    }

    @usableFromInline static func nonsendingRethrowingSpan<T>(
        _ name: String, kind: Kind = .internal, context: Context? = nil, enabled: Bool = true,
        attributes: (Span) -> Void = { _ in }, onResult: (Span, T) -> Void = { _, _ in },
        isolation: isolated (any Actor)? = #isolation, function: String = #function, file: String = #fileID,
        line: UInt = #line, _ body: nonisolated(nonsending) (Span) async throws -> T
    ) async rethrows -> T {
        guard enabled else { return try await body(Span(nil)) }
        var result: T?
        try await instswiftV1SpanAsyncRethrows(name, kind.rawValue, context?.headers, function, file, line, { attributes(Span($0)) }, isolation) { handle in
            let value = try await body(Span(handle))
            if handle != nil { onResult(Span(handle), value) }
            result = value
        }
        return result!
    }

    /// A span the caller ends (initializers); it does not become the current context.
    @usableFromInline static func startSpan(
        _ name: String, kind: Kind = .internal, context: Context? = nil, attributes: (Span) -> Void = { _ in },
        function: String = #function, file: String = #fileID, line: UInt = #line
    ) -> Span {
        Span(instswiftV1SpanStart(name, kind.rawValue, context?.headers, function, file, line, { attributes(Span($0)) }))
    }

    /// Ends a span from `startSpan`, as in modules that import the runtime.
    @usableFromInline static func end(_ span: Span) { span.end() }

    /// Runs `body` with a span from `startSpan` as the current context; does not end it.
    @usableFromInline static func withCurrent<T>(
        _ span: Span, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws -> T {
        guard let handle = span.handle else { return try await body() }
        var result: T?
        try await instswiftV1SpanRun(handle, isolation) { result = try await body() }
        return result!
    }

    /// Records an attribute: strings, integers, floating-point numbers, booleans and string lists as themselves,
    /// optionals when present, anything else as its description.
    @usableFromInline static func record(_ key: String, _ value: Any, on span: Span) {
        guard let handle = span.handle else { return }
        switch value {
        case let value as String: instswiftV1SpanSetString(handle, key, value)
        case let value as Substring: instswiftV1SpanSetString(handle, key, String(value))
        case let value as Bool: instswiftV1SpanSetBool(handle, key, value)
        case let value as any BinaryInteger: instswiftV1SpanSetInt(handle, key, Int64(truncatingIfNeeded: value))
        case let value as Double: instswiftV1SpanSetDouble(handle, key, value)
        case let value as Float: instswiftV1SpanSetDouble(handle, key, Double(value))
        case let value as [String]: instswiftV1SpanSetStrings(handle, key, value)
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                if let wrapped = mirror.children.first?.value { record(key, wrapped, on: span) }
                return
            }
            instswiftV1SpanSetString(handle, key, String(describing: value))
        }
    }

    /// Renames the span (a rule's `rename:`); nothing when `name` is nil.
    @usableFromInline static func rename(_ span: Span, _ name: String?) {
        if let name { span.operationName = name }
    }

    /// An optional attribute: recorded when present.
    @usableFromInline static func record<Value>(_ key: String, _ value: Value?, on span: Span) {
        if let value { record(key, value as Any, on: span) }
    }

    /// Links the span to the remote context in W3C headers; nothing when they carry no valid `traceparent`.
    @usableFromInline static func link(_ span: Span, to headers: [String: String]) {
        if let handle = span.handle { instswiftV1SpanLink(handle, headers) }
    }

    /// Records a value into a histogram of the runtime's metrics (nothing when no metrics backend exists).
    @usableFromInline static func recordHistogram(_ name: String, _ value: Double, unit: String, dimensions: [String: String]) {
        instswiftV1RecordHistogram(name, value, unit, dimensions)
    }

    /// `db.system.name`, `db.query.text` and `db.query.summary` of a SQL statement's span, named by the summary.
    @usableFromInline static func describeQuery(_ sql: String, system: String, on span: Span) {
        let summary = dbQuerySummary(sql)
        rename(span, summary)
        record("db.system.name", system, on: span)
        record("db.query.text", dbQueryText(sql), on: span)
        record("db.query.summary", summary, on: span)
    }

    /// A SQL statement's `db.query.summary` (`SELECT greetings`), never a value (see the runtime's).
    @usableFromInline static func dbQuerySummary(_ sql: String) -> String? { instswiftV1DBQuerySummary(sql) }

    /// A statement for `db.query.text`, its literal values replaced by `?` (see the runtime's).
    @usableFromInline static func dbQueryText(_ sql: String) -> String { instswiftV1DBQueryText(sql) }

    /// Remembers, for the whole process, that something happened (see `InstSwift.mark` in the runtime).
    @usableFromInline static func mark(_ name: String) { instswiftV1Mark(name) }

    /// Whether ``mark(_:)`` was called with `name` anywhere in the process.
    @usableFromInline static func isMarked(_ name: String) -> Bool { instswiftV1IsMarked(name) }

    /// Marks the span failed (for a status that means failure rather than a thrown error).
    @usableFromInline static func markFailed(_ span: Span, _ message: String? = nil) {
        if let handle = span.handle { instswiftV1SpanSetErrorStatus(handle, message) }
    }

    /// Records the error an operation ended with: an exception event, `error.type` (unless already named) and an
    /// error status.
    @usableFromInline static func recordFailure(_ error: any Error, on span: Span) {
        if let handle = span.handle { instswiftV1SpanFail(handle, error) }
    }

    /// The span of the database operation a layer above opened in this task, to annotate (never to end).
    @usableFromInline static var currentDatabaseOperation: Span? { instswiftV1DBOperationCurrent().map(Span.init) }

    /// Runs `body` with a span from `startSpan` as the current context and the task's database operation.
    @usableFromInline static func withDatabaseOperation<T>(
        _ span: Span, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws -> T {
        guard let handle = span.handle else { return try await body() }
        var result: T?
        try await instswiftV1DBOperationRun(handle, isolation) { result = try await body() }
        return result!
    }

    /// The synchronous form, for futures-based APIs.
    @usableFromInline static func withDatabaseOperation<T>(_ span: Span, _ body: () throws -> T) rethrows -> T {
        guard let handle = span.handle else { return try body() }
        var result: T?
        try instswiftV1DBOperationRunSync(handle) { result = try body() }
        return result!
    }

    /// Claims a statement handed to another thread for the operation that covers it (see the runtime's
    /// `InstSwift.claimStatement`).
    @usableFromInline static func claimStatement(_ sql: String, for operation: Span) -> UInt64 {
        instswiftV1DBClaimFor(sql, operation.handle)
    }
    @usableFromInline static func releaseClaim(_ claim: UInt64) { instswiftV1DBReleaseClaim(claim) }
    /// The span of the operation that claimed `sql`, to annotate; nil when no layer above covers it.
    @usableFromInline static func takeClaim(_ sql: String) -> Span? { instswiftV1DBTakeClaimedOperation(sql).map(Span.init) }

    @usableFromInline static func extract(from headers: [String: String]) -> Context {
        var found: [String: String] = [:]
        for (name, value) in headers where contextHeaders.contains(name.lowercased()) { found[name.lowercased()] = value }
        return Context(found)
    }

    @usableFromInline static func extract<Headers: Sequence>(from headers: Headers) -> Context
    where Headers.Element == (name: String, value: String) {
        var found: [String: String] = [:]
        for (name, value) in headers where contextHeaders.contains(name.lowercased()) && found[name.lowercased()] == nil {
            found[name.lowercased()] = value
        }
        return Context(found)
    }

    /// Any other header collection (`HTTPFields`, say): read from each field's `name: value` description.
    @usableFromInline static func extract<Headers: Sequence>(from headers: Headers) -> Context {
        var found: [String: String] = [:]
        for field in headers {
            let text = String(describing: field)
            guard let colon = text.firstIndex(of: ":") else { continue }
            let name = text[..<colon].lowercased()
            guard contextHeaders.contains(name), found[name] == nil else { continue }
            found[name] = String(text[text.index(after: colon)...].drop { $0 == " " })
        }
        return Context(found)
    }

    /// Writes the current context's W3C headers, replacing any the request already carries.
    @usableFromInline static func inject(into headers: inout [String: String]) {
        for name in headers.keys where contextHeaders.contains(name.lowercased()) { headers[name] = nil }
        instswiftV1Inject { name, value in headers[name] = value }
    }

    /// Writes a started span's W3C headers (a span that is not the current context) into a dictionary.
    @usableFromInline static func inject(into headers: inout [String: String], from span: Span) {
        guard let handle = span.handle else { return }
        for name in headers.keys where contextHeaders.contains(name.lowercased()) { headers[name] = nil }
        instswiftV1SpanInject(handle) { name, value in headers[name] = value }
    }
}
extension InstSwift {
    /// An observer for one HTTP exchange with a model API, or nil when the URL is not one or nothing traces.
    @usableFromInline static func genAIExchange(method: String, url: String, requestBody: UnsafeRawBufferPointer?) -> GenAIExchange? {
        instswiftV1GenAIStart(method, url, requestBody).map(GenAIExchange.init)
    }

    /// Hands the response body `task`'s session delegate receives to `exchange`, until `finishGenAITask`.
    @usableFromInline static func watchGenAITask(_ task: AnyObject, _ exchange: GenAIExchange) {
        instswiftV1GenAIWatchTask(exchange.handle, Unmanaged.passUnretained(task).toOpaque())
    }

    /// Bytes a session delegate received for `task`; nothing happens unless a model call waits for them.
    @usableFromInline static func genAITaskReceived(
        _ task: AnyObject, _ bytes: UnsafeRawBufferPointer, head: () -> (status: Int, contentType: String?)
    ) {
        instswiftV1GenAITaskReceived(Unmanaged.passUnretained(task).toOpaque(), bytes, head)
    }

    /// The file a session delegate was given with download `task`'s body; read only when a model call waits for it.
    @usableFromInline static func genAITaskDownloaded(
        _ task: AnyObject, path: @autoclosure () -> String, head: () -> (status: Int, contentType: String?)
    ) {
        instswiftV1GenAITaskDownloaded(Unmanaged.passUnretained(task).toOpaque(), path, head)
    }

    /// Ends the model call that waits for `task`'s body, if one does.
    @usableFromInline static func finishGenAITask(_ task: AnyObject, status: Int, contentType: String?, error: (any Error)?) {
        instswiftV1GenAIFinishTask(Unmanaged.passUnretained(task).toOpaque(), status, contentType, error)
    }

    /// Agent, workflow and tool spans (`// instswift:agent "name"` ...); here without the token sums, which need
    /// the runtime's context types.
    @usableFromInline static func invokeAgent<T, E: Error>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, function: String = #function, file: String = #fileID,
        line: UInt = #line, _ body: () async throws(E) -> T
    ) async throws(E) -> T {
        try await operationSpan("invoke_agent", "gen_ai.agent.name", name, isolation, function, file, line, body)
    }
    @usableFromInline static func invokeAgent<T, E: Error>(
        _ name: String, function: String = #function, file: String = #fileID, line: UInt = #line, _ body: () throws(E) -> T
    ) throws(E) -> T {
        try operationSpan("invoke_agent", "gen_ai.agent.name", name, function, file, line, body)
    }
    @usableFromInline static func invokeWorkflow<T, E: Error>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, function: String = #function, file: String = #fileID,
        line: UInt = #line, _ body: () async throws(E) -> T
    ) async throws(E) -> T {
        try await operationSpan("invoke_workflow", "gen_ai.workflow.name", name, isolation, function, file, line, body)
    }
    @usableFromInline static func invokeWorkflow<T, E: Error>(
        _ name: String, function: String = #function, file: String = #fileID, line: UInt = #line, _ body: () throws(E) -> T
    ) throws(E) -> T {
        try operationSpan("invoke_workflow", "gen_ai.workflow.name", name, function, file, line, body)
    }
    @usableFromInline static func executeTool<T, E: Error>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, function: String = #function, file: String = #fileID,
        line: UInt = #line, _ body: () async throws(E) -> T
    ) async throws(E) -> T {
        try await operationSpan("execute_tool", "gen_ai.tool.name", name, isolation, function, file, line, body)
    }
    @usableFromInline static func executeTool<T, E: Error>(
        _ name: String, function: String = #function, file: String = #fileID, line: UInt = #line, _ body: () throws(E) -> T
    ) throws(E) -> T {
        try operationSpan("execute_tool", "gen_ai.tool.name", name, function, file, line, body)
    }

    /// `{operation} {name}` with `gen_ai.operation.name` and the name under `key`.
    @usableFromInline static func operationSpan<T, E: Error>(
        _ operation: String, _ key: String, _ name: String, _ isolation: isolated (any Actor)?, _ function: String,
        _ file: String, _ line: UInt, _ body: () async throws(E) -> T
    ) async throws(E) -> T {
        try await span("\(operation) \(name)", attributes: { record("gen_ai.operation.name", operation, on: $0); record(key, name, on: $0) },
                       isolation: isolation, function: function, file: file, line: line) { _ throws(E) in try await body() }
    }
    @usableFromInline static func operationSpan<T, E: Error>(
        _ operation: String, _ key: String, _ name: String, _ function: String, _ file: String, _ line: UInt,
        _ body: () throws(E) -> T
    ) throws(E) -> T {
        try span("\(operation) \(name)", attributes: { record("gen_ai.operation.name", operation, on: $0); record(key, name, on: $0) },
                 function: function, file: file, line: line) { _ throws(E) in try body() }
    }

    /// One model call as the runtime observes it; its reference is given up when this is dropped.
    @usableFromInline final class GenAIExchange: @unchecked Sendable {
        @usableFromInline let handle: UnsafeMutableRawPointer
        @usableFromInline init(_ handle: UnsafeMutableRawPointer) { self.handle = handle }
        deinit { instswiftV1GenAIRelease(handle) }

        @usableFromInline func run<T>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T) async throws -> T {
            var result: T?
            try await instswiftV2GenAIRun(handle, isolation) { result = try await body() }
            return result!
        }
        @usableFromInline func runSynchronously<T>(_ body: () -> T) -> T {
            var result: T?
            instswiftV1GenAIRunSync(handle) { result = body() }
            return result!
        }
        @usableFromInline func requestBody(_ bytes: UnsafeRawBufferPointer) { instswiftV1GenAIRequestBody(handle, bytes) }
        @usableFromInline func responseHead(status: Int, contentType: String?) { instswiftV1GenAIResponseHead(handle, status, contentType) }
        @usableFromInline func received(_ bytes: UnsafeRawBufferPointer) { instswiftV1GenAIReceived(handle, bytes) }
        @usableFromInline func finish(error: (any Error)?) { instswiftV1GenAIFinish(handle, error) }
    }
}

@_silgen_name("instswift_v1_span_sync") @usableFromInline func instswiftV1SpanSync(_ name: String, _ kind: Int, _ parent: [String: String]?, _ function: String, _ file: String, _ line: UInt, _ attributes: (UnsafeMutableRawPointer) -> Void, _ body: (UnsafeMutableRawPointer?) throws -> Void) rethrows
@_silgen_name("instswift_v2_span_async") @usableFromInline func instswiftV2SpanAsync(_ name: String, _ kind: Int, _ parent: [String: String]?, _ function: String, _ file: String, _ line: UInt, _ attributes: (UnsafeMutableRawPointer) -> Void, _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) (UnsafeMutableRawPointer?) async throws -> Void) async throws
@_silgen_name("instswift_v1_span_async_rethrows") @usableFromInline func instswiftV1SpanAsyncRethrows(_ name: String, _ kind: Int, _ parent: [String: String]?, _ function: String, _ file: String, _ line: UInt, _ attributes: (UnsafeMutableRawPointer) -> Void, _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) (UnsafeMutableRawPointer?) async throws -> Void) async rethrows
@_silgen_name("instswift_v1_span_start") @usableFromInline func instswiftV1SpanStart(_ name: String, _ kind: Int, _ parent: [String: String]?, _ function: String, _ file: String, _ line: UInt, _ attributes: (UnsafeMutableRawPointer) -> Void) -> UnsafeMutableRawPointer?
@_silgen_name("instswift_v1_span_end") @usableFromInline func instswiftV1SpanEnd(_ span: UnsafeMutableRawPointer)
@_silgen_name("instswift_v1_span_run") @usableFromInline func instswiftV1SpanRun(_ span: UnsafeMutableRawPointer, _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) () async throws -> Void) async throws
@_silgen_name("instswift_v1_span_set_string") @usableFromInline func instswiftV1SpanSetString(_ span: UnsafeMutableRawPointer, _ key: String, _ value: String)
@_silgen_name("instswift_v1_span_set_int") @usableFromInline func instswiftV1SpanSetInt(_ span: UnsafeMutableRawPointer, _ key: String, _ value: Int64)
@_silgen_name("instswift_v1_span_set_double") @usableFromInline func instswiftV1SpanSetDouble(_ span: UnsafeMutableRawPointer, _ key: String, _ value: Double)
@_silgen_name("instswift_v1_span_set_bool") @usableFromInline func instswiftV1SpanSetBool(_ span: UnsafeMutableRawPointer, _ key: String, _ value: Bool)
@_silgen_name("instswift_v1_span_set_strings") @usableFromInline func instswiftV1SpanSetStrings(_ span: UnsafeMutableRawPointer, _ key: String, _ value: [String])
@_silgen_name("instswift_v1_span_set_error_status") @usableFromInline func instswiftV1SpanSetErrorStatus(_ span: UnsafeMutableRawPointer, _ message: String?)
@_silgen_name("instswift_v1_inject") @usableFromInline func instswiftV1Inject(_ write: (String, String) -> Void)
@_silgen_name("instswift_v1_span_inject") @usableFromInline func instswiftV1SpanInject(_ span: UnsafeMutableRawPointer, _ write: (String, String) -> Void)
@_silgen_name("instswift_v1_db_query_summary") @usableFromInline func instswiftV1DBQuerySummary(_ sql: String) -> String?
@_silgen_name("instswift_v1_db_query_text") @usableFromInline func instswiftV1DBQueryText(_ sql: String) -> String
@_silgen_name("instswift_v1_db_operation_current") @usableFromInline func instswiftV1DBOperationCurrent() -> UnsafeMutableRawPointer?
@_silgen_name("instswift_v1_db_operation_run") @usableFromInline func instswiftV1DBOperationRun(_ span: UnsafeMutableRawPointer, _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) () async throws -> Void) async throws
@_silgen_name("instswift_v1_db_operation_run_sync") @usableFromInline func instswiftV1DBOperationRunSync(_ span: UnsafeMutableRawPointer, _ body: () throws -> Void) rethrows
@_silgen_name("instswift_v1_db_claim_for") @usableFromInline func instswiftV1DBClaimFor(_ sql: String, _ span: UnsafeMutableRawPointer?) -> UInt64
@_silgen_name("instswift_v1_db_release_claim") @usableFromInline func instswiftV1DBReleaseClaim(_ claim: UInt64)
@_silgen_name("instswift_v1_db_take_claimed_operation") @usableFromInline func instswiftV1DBTakeClaimedOperation(_ sql: String) -> UnsafeMutableRawPointer?
@_silgen_name("instswift_v1_span_fail") @usableFromInline func instswiftV1SpanFail(_ span: UnsafeMutableRawPointer, _ error: any Error)
@_silgen_name("instswift_v1_mark") @usableFromInline func instswiftV1Mark(_ name: String)
@_silgen_name("instswift_v1_is_marked") @usableFromInline func instswiftV1IsMarked(_ name: String) -> Bool
@_silgen_name("instswift_v1_span_set_name") @usableFromInline func instswiftV1SpanSetName(_ span: UnsafeMutableRawPointer, _ name: String)
@_silgen_name("instswift_v1_genai_start") @usableFromInline func instswiftV1GenAIStart(_ method: String, _ url: String, _ body: UnsafeRawBufferPointer?) -> UnsafeMutableRawPointer?
@_silgen_name("instswift_v2_genai_run") @usableFromInline func instswiftV2GenAIRun(_ exchange: UnsafeMutableRawPointer, _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) () async throws -> Void) async throws
@_silgen_name("instswift_v1_genai_run_sync") @usableFromInline func instswiftV1GenAIRunSync(_ exchange: UnsafeMutableRawPointer, _ body: () -> Void)
@_silgen_name("instswift_v1_genai_request_body") @usableFromInline func instswiftV1GenAIRequestBody(_ exchange: UnsafeMutableRawPointer, _ bytes: UnsafeRawBufferPointer)
@_silgen_name("instswift_v1_genai_response_head") @usableFromInline func instswiftV1GenAIResponseHead(_ exchange: UnsafeMutableRawPointer, _ status: Int, _ contentType: String?)
@_silgen_name("instswift_v1_genai_received") @usableFromInline func instswiftV1GenAIReceived(_ exchange: UnsafeMutableRawPointer, _ bytes: UnsafeRawBufferPointer)
@_silgen_name("instswift_v1_genai_finish") @usableFromInline func instswiftV1GenAIFinish(_ exchange: UnsafeMutableRawPointer, _ error: (any Error)?)
@_silgen_name("instswift_v1_genai_release") @usableFromInline func instswiftV1GenAIRelease(_ exchange: UnsafeMutableRawPointer)
@_silgen_name("instswift_v1_genai_watch_task") @usableFromInline func instswiftV1GenAIWatchTask(_ exchange: UnsafeMutableRawPointer, _ task: UnsafeMutableRawPointer)
@_silgen_name("instswift_v1_genai_task_received") @usableFromInline func instswiftV1GenAITaskReceived(_ task: UnsafeMutableRawPointer, _ bytes: UnsafeRawBufferPointer, _ head: () -> (status: Int, contentType: String?))
@_silgen_name("instswift_v1_genai_task_downloaded") @usableFromInline func instswiftV1GenAITaskDownloaded(_ task: UnsafeMutableRawPointer, _ path: () -> String, _ head: () -> (status: Int, contentType: String?))
@_silgen_name("instswift_v1_genai_finish_task") @usableFromInline func instswiftV1GenAIFinishTask(_ task: UnsafeMutableRawPointer, _ status: Int, _ contentType: String?, _ error: (any Error)?)
@_silgen_name("instswift_v1_span_link") @usableFromInline func instswiftV1SpanLink(_ span: UnsafeMutableRawPointer, _ headers: [String: String])
@_silgen_name("instswift_v1_record_histogram") @usableFromInline func instswiftV1RecordHistogram(_ name: String, _ value: Double, _ unit: String, _ dimensions: [String: String])
/*</instswift>*/
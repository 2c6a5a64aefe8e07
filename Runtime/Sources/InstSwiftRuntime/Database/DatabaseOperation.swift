public import Tracing
import Instrumentation
import Synchronization

/// One database span per operation, however many layers it passes through. An ORM query (Fluent) goes through a SQL
/// builder (SQLKit), a driver kit (PostgresKit, SQLiteKit) and a wire-protocol client (PostgresNIO, SQLiteNIO); each
/// layer knows something the conventions ask for (the model's table, the SQL text, the server). The outermost layer
/// that instswift instruments opens the span and makes it the task's *database operation*; the layers below annotate
/// that span instead of opening their own.
///
/// Some layers run the statement elsewhere than the calling task — a connection pool hands it to a connection's event
/// loop, where the task's locals are not. The layer that still runs in the task *claims* the statement's text with the
/// operation's span, and a layer on the event loop that finds its statement claimed opens no span of its own: it adds
/// what only it knows (the connection's database and server) to the claiming span.
extension InstSwift {
    /// The database operation the current task runs, boxed so that code reaching the runtime at link time can hold it.
    @TaskLocal static var databaseOperation: LinkedSpan?

    /// The span of the database operation a layer above opened in this task, for layers below to annotate (not end).
    public static var currentDatabaseOperation: (any Span)? { databaseOperation?.span }

    /// Runs `body` with `span` as the current context and as the database operation that layers below annotate.
    public static func withDatabaseOperation<T>(
        _ span: any Span, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws -> T {
        try await withDatabaseOperation(LinkedSpan(span), isolation: isolation, body)
    }

    /// The synchronous form, for futures-based APIs whose call starts the work before it returns.
    public static func withDatabaseOperation<T>(_ span: any Span, _ body: () throws -> T) rethrows -> T {
        try withDatabaseOperation(LinkedSpan(span), body)
    }

    static func withDatabaseOperation<T>(
        _ box: LinkedSpan, isolation: isolated (any Actor)?, _ body: () async throws -> T
    ) async throws -> T {
        try await $databaseOperation.withValue(
            box,
            operation: {
                try await InstrumentationContext.$current.withValue(box.span.context, operation: body, isolation: isolation)
            }, isolation: isolation)
    }

    static func withDatabaseOperation<T>(_ box: LinkedSpan, _ body: () throws -> T) rethrows -> T {
        try $databaseOperation.withValue(box) { try InstrumentationContext.$current.withValue(box.span.context, operation: body) }
    }

    // MARK: Statements handed to another thread

    private static let claims = Mutex(StatementClaims())

    /// Claims a statement the calling task is about to hand to a layer that runs on another thread, for `operation`
    /// (the span that covers it); release the claim when the statement has finished.
    public static func claimStatement(_ sql: String, for operation: any Span) -> UInt64 {
        claimStatement(sql, for: LinkedSpan(operation))
    }

    static func claimStatement(_ sql: String, for operation: LinkedSpan) -> UInt64 {
        claims.withLock { $0.claim(sql, for: operation) }
    }

    /// Gives a claim up (whether or not a layer below took it).
    public static func releaseClaim(_ claim: UInt64) {
        claims.withLock { $0.release(claim) }
    }

    /// The span of the operation that claimed `sql` — the layer below annotates it (what only the connection knows,
    /// such as the database's name) and opens none of its own — or nil when no layer above covers the statement.
    /// Takes the oldest such claim.
    public static func takeClaim(_ sql: String) -> (any Span)? {
        takeClaimedOperation(sql)?.span
    }

    /// The boxed span of `takeClaim`, valid until its claim is released.
    static func takeClaimedOperation(_ sql: String) -> LinkedSpan? {
        claims.withLock { $0.take(sql) }
    }
}

/// Open claims by statement text, oldest first, with the operation each covers. A claim lives from the statement's start
/// to its end, so the table holds at most the statements in flight; a taken claim keeps its operation until released,
/// so the layer that took it can annotate it from the connection's thread.
struct StatementClaims {
    private var open: [String: [UInt64]] = [:]
    private var operations: [UInt64: (sql: String, operation: LinkedSpan)] = [:]
    private var next: UInt64 = 1

    mutating func claim(_ sql: String, for operation: LinkedSpan) -> UInt64 {
        let id = next
        next += 1
        open[sql, default: []].append(id)
        operations[id] = (sql, operation)
        return id
    }

    mutating func release(_ id: UInt64) {
        guard let sql = operations.removeValue(forKey: id)?.sql else { return }
        open[sql]?.removeAll { $0 == id }
        if open[sql]?.isEmpty == true { open[sql] = nil }
    }

    mutating func take(_ sql: String) -> LinkedSpan? {
        guard var ids = open[sql], !ids.isEmpty else { return nil }
        let id = ids.removeFirst()
        open[sql] = ids.isEmpty ? nil : ids
        return operations[id]?.operation
    }
}

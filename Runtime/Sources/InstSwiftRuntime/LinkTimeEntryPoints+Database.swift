// Database operations (Database/DatabaseOperation.swift) as modules that reach the runtime at link time see them. The
// contract is InstSwiftSwift's `LinkTimeContract`; a test compares the two.

import Tracing

/// The current task's database operation, valid while the layer above that opened it runs; nil when there is none.
@_silgen_name("instswift_v1_db_operation_current")
public func instswiftV1DBOperationCurrent() -> UnsafeMutableRawPointer? {
    InstSwift.databaseOperation.map { Unmanaged.passUnretained($0).toOpaque() }
}

/// Runs `body` with a span from `instswift_v1_span_start` as the current context and the task's database operation.
@_silgen_name("instswift_v1_db_operation_run")
public func instswiftV1DBOperationRun(
    _ span: UnsafeMutableRawPointer, _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) () async throws -> Void
) async throws {
    try await InstSwift.withDatabaseOperation(LinkedSpan.from(span), isolation: isolation) {
        _ = isolation; try await body()
    }
}

/// The synchronous form of `instswift_v1_db_operation_run`.
@_silgen_name("instswift_v1_db_operation_run_sync")
public func instswiftV1DBOperationRunSync(_ span: UnsafeMutableRawPointer, _ body: () throws -> Void) rethrows {
    try InstSwift.withDatabaseOperation(LinkedSpan.from(span), body)
}

/// Claims a statement for the operation `span` covers it with (a span from `instswift_v1_span_start`, or nil when that
/// span does not record).
@_silgen_name("instswift_v1_db_claim_for")
public func instswiftV1DBClaimFor(_ sql: String, _ span: UnsafeMutableRawPointer?) -> UInt64 {
    InstSwift.claimStatement(sql, for: span.map(LinkedSpan.from) ?? LinkedSpan(NoOpTracer.NoOpSpan(context: .topLevel)))
}

@_silgen_name("instswift_v1_db_release_claim")
public func instswiftV1DBReleaseClaim(_ claim: UInt64) {
    InstSwift.releaseClaim(claim)
}

/// The claiming operation's span, valid until its claim is released; nil when `sql` is not claimed.
@_silgen_name("instswift_v1_db_take_claimed_operation")
public func instswiftV1DBTakeClaimedOperation(_ sql: String) -> UnsafeMutableRawPointer? {
    InstSwift.takeClaimedOperation(sql).map { Unmanaged.passUnretained($0).toOpaque() }
}

/// Records the error an operation ended with (see `InstSwift.recordFailure`).
@_silgen_name("instswift_v1_span_fail")
public func instswiftV1SpanFail(_ span: UnsafeMutableRawPointer, _ error: any Error) {
    InstSwift.recordFailure(error, on: LinkedSpan.from(span).span)
}

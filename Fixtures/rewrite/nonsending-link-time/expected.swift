// In a dependency module that reaches the runtime at link time the support code has the same `nonsending` entries.
final class Connection {
    var rows: [String] = []
}

nonisolated(nonsending) func fetch(_ connection: Connection) async -> Int {/*<instswift>*/ return await InstSwift.nonsendingAsyncSpan("fetch") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/ connection.rows.count /*<instswift>*/}/*</instswift>*/}

nonisolated(nonsending) func named(_ connection: Connection) async throws -> Int {/*<instswift>*/ return try await InstSwift.nonsendingAsyncSpan("named") { (instswiftSpan) async throws -> Int in return try await InstSwift.nonsendingSpan("named", kind: .client) { (instswiftSpan) async throws -> Int in /*</instswift>*/
    await /*<instswift>*/InstSwift.nonsendingSpan("fetch", kind: .client) { instswiftSpan in await /*</instswift>*/fetch(connection)/*<instswift>*/ }/*</instswift>*/
/*<instswift>*/}}/*</instswift>*/}

nonisolated(nonsending) func reduce<T>(_ values: [T], _ combine: nonisolated(nonsending) (T, T) async throws -> T) async rethrows -> T? {/*<instswift>*/ return try await InstSwift.nonsendingRethrowingSpan("reduce") { (instswiftSpan) async throws -> T? in /*</instswift>*/
    guard var result = values.first else { return nil }
    for value in values.dropFirst() { result = try await combine(result, value) }
    return result
/*<instswift>*/}/*</instswift>*/}

func plain(_ count: Int) async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("plain") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/ count + 1 /*<instswift>*/}/*</instswift>*/}
/*<instswift>*/
// (the link-time support code the compiler shim appends: see link-time-dependency-module/expected.swift)
/*</instswift>*/
// With NonisolatedNonsendingByDefault every async function not marked `@concurrent` runs on its caller's actor (or its
// own): span bodies take the runtime's `nonsending` entries, except the `@concurrent` function's.
final class Connection {
    var rows: [String] = []
}

func fetch(_ connection: Connection) async -> Int { connection.rows.count }

func query(_ connection: Connection) async -> Int {
    await fetch(connection)
}

nonisolated func named(_ connection: Connection) async throws -> Int {
    let count = await fetch(connection)
    let later = await Task { 1 }.value
    return count + later
}

func reduce<T>(_ values: [T], _ combine: (T, T) async throws -> T) async rethrows -> T? {
    guard var result = values.first else { return nil }
    for value in values.dropFirst() { result = try await combine(result, value) }
    return result
}

@concurrent func concurrentWork(_ count: Int) async -> Int { count * 2 }

@concurrent func sendsToConcurrent(_ count: Int) async -> Int { await concurrentWork(count) }

// Reduced from swift-dependencies 1.17.1's tests: `@concurrent` written under `#if`.
class Base {
    #if compiler(>=6.2)
        @concurrent
    #endif
    func setUp() async throws {}
}

final class Derived: Base {
    #if compiler(>=6.2)
        @concurrent
    #endif
    override func setUp() async throws {
        try await super.setUp()
    }
}

func syncWork(_ count: Int) -> Int { count }

actor Store {
    var connection = Connection()
    func count() async -> Int { await fetch(connection) }
}

@MainActor func onMain(_ connection: Connection) async -> Int { await fetch(connection) }

struct Reader {
    var size: Int {
        get async { 3 }
    }
}

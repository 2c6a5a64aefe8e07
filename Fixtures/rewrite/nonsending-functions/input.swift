// A `nonisolated(nonsending)` function runs on its caller's actor; so must its body inside the span (the runtime's
// `nonsending` entries). Everything else keeps the plain entries: this module has no NonisolatedNonsendingByDefault.
final class Connection {
    var rows: [String] = []
}

nonisolated(nonsending) func fetch(_ connection: Connection) async -> Int { connection.rows.count }

nonisolated(nonsending) func query(_ connection: Connection) async -> Int {
    await fetch(connection)
}

nonisolated(nonsending) func named(_ connection: Connection) async throws -> Int {
    let count = await fetch(connection)
    let later = await Task { 1 }.value
    return count + later
}

nonisolated(nonsending) func reduce<T>(_ values: [T], _ combine: nonisolated(nonsending) (T, T) async throws -> T) async rethrows -> T? {
    guard var result = values.first else { return nil }
    for value in values.dropFirst() { result = try await combine(result, value) }
    return result
}

func plain(_ count: Int) async -> Int { count + 1 }

@concurrent func concurrentWork(_ count: Int) async -> Int { count * 2 }

actor Store {
    var connection = Connection()
    func count() async -> Int { await fetch(connection) }
    nonisolated(nonsending) func describe() async -> String { "store" }
}

struct Reader {
    var size: Int {
        get async { 3 }
    }
}

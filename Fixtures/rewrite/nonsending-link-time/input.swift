// In a dependency module that reaches the runtime at link time the support code has the same `nonsending` entries.
final class Connection {
    var rows: [String] = []
}

nonisolated(nonsending) func fetch(_ connection: Connection) async -> Int { connection.rows.count }

nonisolated(nonsending) func named(_ connection: Connection) async throws -> Int {
    await fetch(connection)
}

nonisolated(nonsending) func reduce<T>(_ values: [T], _ combine: nonisolated(nonsending) (T, T) async throws -> T) async rethrows -> T? {
    guard var result = values.first else { return nil }
    for value in values.dropFirst() { result = try await combine(result, value) }
    return result
}

func plain(_ count: Int) async -> Int { count + 1 }

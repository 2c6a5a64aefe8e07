import Foundation
import NIOCore
import SQLiteNIO

/// Greetings remembered in a SQLite database: the file GREETINGS_DB names, or in memory.
struct Store: Sendable {
    let connection: SQLiteConnection

    static func open() async throws -> Store {
        let file = ProcessInfo.processInfo.environment["GREETINGS_DB"]
        let connection = try await SQLiteConnection.open(storage: file.map { .file(path: $0) } ?? .memory)
        _ = try await connection.query("CREATE TABLE IF NOT EXISTS greetings (name TEXT NOT NULL)")
        return Store(connection: connection)
    }

    func countGreetings(to name: String) async throws -> Int {
        let rows = try await connection.query("SELECT COUNT(*) AS n FROM greetings WHERE name = ?", [.text(name)])
        _ = try await connection.query("INSERT INTO greetings (name) VALUES (?)", [.text(name)])
        return rows.first?.column("n")?.integer ?? 0
    }

    /// The first column of the first row of a read-only query, as text (the agent's SQL tool).
    func scalar(_ query: String) async throws -> String {
        guard query.uppercased().hasPrefix("SELECT ") else { return "only SELECT queries are allowed" }
        let rows = try await connection.query(query)
        return rows.first?.columns.first.map { "\($0.data)" } ?? "no rows"
    }

    func close() async throws {
        try await connection.close()
    }
}

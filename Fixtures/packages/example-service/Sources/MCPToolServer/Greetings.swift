import Foundation
import SQLiteNIO

/// The `run_sql` tool's database: greetings in SQLite, in memory (or the file GREETINGS_DB names). The SQLiteNIO pack
/// traces its statements beneath the tool call's MCP SERVER span.
enum Greetings {
    /// The first column of the first row of a read-only query, as text.
    static func scalar(_ query: String) async throws -> String {
        guard query.uppercased().hasPrefix("SELECT ") else { return "only SELECT queries are allowed" }
        let file = ProcessInfo.processInfo.environment["GREETINGS_DB"]
        let connection = try await SQLiteConnection.open(storage: file.map { .file(path: $0) } ?? .memory)
        do {
            _ = try await connection.query("CREATE TABLE IF NOT EXISTS greetings (name TEXT NOT NULL)")
            let rows = try await connection.query(query)
            try await connection.close()
            return rows.first?.columns.first.map { "\($0.data)" } ?? "no rows"
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

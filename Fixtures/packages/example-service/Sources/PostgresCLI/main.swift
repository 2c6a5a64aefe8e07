import Foundation
import Logging
import PostgresNIO

// A PostgresNIO client run: creates a table, inserts a greeting with a bound value, counts (a query and a prepared
// statement), reads a series of rows
// slowly, stops reading a long series after its first row, and runs a query that fails. No tracing code: the built-in PostgresNIO pack makes a span per query; the comment below makes the run one
// workflow span. Connects to PG_HOST:PG_PORT as PG_USER to PG_DATABASE (trust authentication).

@main
struct PostgresCLI {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = PostgresClient.Configuration(
            host: environment["PG_HOST"] ?? "127.0.0.1", port: Int(environment["PG_PORT"] ?? "") ?? 5432,
            username: environment["PG_USER"] ?? "postgres", password: nil, database: environment["PG_DATABASE"] ?? "postgres",
            tls: .disable
        )
        let client = PostgresClient(configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await work(client)
            group.cancelAll()
        }
    }

    // instswift:workflow "pg-demo"
    static func work(_ client: PostgresClient) async throws {
        try await client.query("CREATE TABLE IF NOT EXISTS greetings (name TEXT NOT NULL)")
        let secret = "alice-secret-value"
        try await client.query("INSERT INTO greetings (name) VALUES (\(secret))")
        let rows = try await client.query("SELECT count(*) FROM greetings WHERE name = \(secret)")
        for try await (count) in rows.decode(Int.self) { print("count:", count) }
        for try await count in try await client.execute(GreetingCount(name: secret)) { print("prepared count:", count) }
        // The query's span lasts until its last row is read: 3 rows, 50 ms of work each.
        var read = 0
        for try await (number) in try await client.query("SELECT n FROM generate_series(1, 3) AS n").decode(Int.self) {
            try await Task.sleep(for: .milliseconds(50))
            read += number
        }
        print("series:", read)
        // A reader that stops early: the span ends when the stream is dropped.
        for try await (number) in try await client.query("SELECT n FROM generate_series(1, 100000) AS n").decode(Int.self) {
            print("first:", number)
            break
        }
        do {
            try await client.query("SELECT * FROM missing_table")
        } catch {
            print("failed as expected:", String(reflecting: type(of: error)))
        }
    }
}

/// A prepared statement: its SQL is the span's `db.query.text`, its bound name never leaves the process.
struct GreetingCount: PostgresPreparedStatement {
    static let sql = "SELECT count(*) FROM greetings WHERE name = $1"
    typealias Row = Int

    var name: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(name)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
}

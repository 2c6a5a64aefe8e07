import Foundation
import Logging
import PostgresNIO

// A PostgresNIO client run: creates a table, inserts a greeting with a bound value, counts, and runs a query that
// fails. No tracing code: the built-in PostgresNIO pack makes a span per query; the comment below makes the run one
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
        do {
            try await client.query("SELECT * FROM missing_table")
        } catch {
            print("failed as expected:", String(reflecting: type(of: error)))
        }
    }
}

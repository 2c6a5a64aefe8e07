import Foundation
import GRDB

// A GRDB run against a database file (the path is the first argument): creates a table, inserts players with a
// bound value, reads them with the record API (async access) and raw SQL (sync access), drops a cursor early, and
// breaks a UNIQUE constraint. No tracing code: the built-in GRDB pack makes a span per statement; the comment below
// makes the run one workflow span.

struct Player: Codable, FetchableRecord, PersistableRecord {
    var name: String
    var score: Int
}

@main
struct GRDBCLI {
    static func main() async throws {
        let queue = try DatabaseQueue(path: CommandLine.arguments[1])
        try await work(queue)
    }

    // instswift:workflow "grdb-demo"
    static func work(_ queue: DatabaseQueue) async throws {
        let secret = "bob-secret-value"
        try await queue.write { db in
            try db.execute(sql: "CREATE TABLE player (name TEXT NOT NULL UNIQUE, score INTEGER NOT NULL)")
            try db.execute(sql: "INSERT INTO player (name, score) VALUES (?, ?)", arguments: [secret, 10])
            try Player(name: "carol", score: 20).insert(db)
        }
        let players = try await queue.read { db in try Player.order(Column("score")).fetchAll(db) }
        print("players:", players.count)
        print("first score:", try firstScore(queue) ?? -1)
        do {
            try await queue.write { db in try db.execute(sql: "INSERT INTO player (name, score) VALUES (?, 1)", arguments: [secret]) }
        } catch let error as DatabaseError {
            print("failed as expected:", error.resultCode)
        }
    }

    /// A sync access, and a cursor dropped after its first row.
    static func firstScore(_ queue: DatabaseQueue) throws -> Int? {
        try queue.read { db in try Int.fetchCursor(db, sql: "SELECT score FROM player ORDER BY score").next() }
    }
}

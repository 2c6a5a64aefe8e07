import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOPosix

// Fluent over SQLite (a file) and PostgreSQL, the same work on each: a table made by Fluent's schema builder, a model
// created, queried and counted, and a query of a table that does not exist. No tracing code: the built-in Fluent,
// SQLiteKit, PostgresKit, SQLiteNIO and PostgresNIO packs make one span per statement; the comments below make each
// run a workflow span. SQLITE_PATH names the SQLite file; PostgreSQL is PG_HOST:PG_PORT as PG_USER (trust
// authentication) to PG_DATABASE.

final class Planet: Model, @unchecked Sendable {
    static let schema = "planets"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String

    init() {}
    init(name: String) { self.name = name }
}

/// A model whose table nobody made: querying it fails.
final class Moon: Model, @unchecked Sendable {
    static let schema = "moons"

    @ID(key: .id) var id: UUID?

    init() {}
}

@main
struct FluentCLI {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(.sqlite(.file(environment["SQLITE_PATH"] ?? "fluent.sqlite")), as: .sqlite)
        let postgres = SQLPostgresConfiguration(
            hostname: environment["PG_HOST"] ?? "127.0.0.1", port: Int(environment["PG_PORT"] ?? "") ?? 5432,
            username: environment["PG_USER"] ?? "postgres", database: environment["PG_DATABASE"] ?? "postgres", tls: .disable
        )
        databases.use(.postgres(configuration: postgres), as: .psql)
        let logger = Logger(label: "fluent-cli")
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        try await onSQLite(databases.database(.sqlite, logger: logger, on: eventLoop)!)
        try await onPostgres(databases.database(.psql, logger: logger, on: eventLoop)!)
        await databases.shutdownAsync()
    }

    // instswift:workflow "fluent-sqlite"
    static func onSQLite(_ database: any Database) async throws {
        try await work(database)
    }

    // instswift:workflow "fluent-postgres"
    static func onPostgres(_ database: any Database) async throws {
        try await work(database)
    }

    static func work(_ database: any Database) async throws {
        try await database.schema(Planet.schema).id().field("name", .string, .required).ignoreExisting().create()
        let secret = "europa-secret-value"
        try await Planet(name: secret).create(on: database)
        let found = try await Planet.query(on: database).filter(\.$name == secret).all()
        print("found:", found.count)
        print("count:", try await Planet.query(on: database).count())
        do {
            _ = try await Moon.query(on: database).all()
        } catch {
            print("failed as expected:", String(reflecting: type(of: error)))
        }
    }
}

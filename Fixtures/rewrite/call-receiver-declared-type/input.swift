struct Database {
    func query(_ sql: String) async throws -> [String] { [sql] }
}

struct Repository {
    let db: Database

    func users() async throws -> [String] {
        try await db.query("SELECT name FROM users")
    }

    func local() async throws -> Int {
        let other: Database = Database()
        return try await other.query("SELECT 1").count
    }
}

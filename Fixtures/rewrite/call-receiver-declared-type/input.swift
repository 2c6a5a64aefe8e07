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

final class CachedRepository {
    var cache: Database?

    init(cache: Database?) { self.cache = cache }

    /// `self.x?.f()`: the receiver is `cache`'s declared type, through the optional chain.
    func cached() async throws -> [String]? {
        try await self.cache?.query("SELECT name FROM cached")
    }
}

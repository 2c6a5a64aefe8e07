/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Database {
    func query(_ sql: String) async throws -> [String] { [sql] }
}

struct Repository {
    let db: Database

    func users() async throws -> [String] {
        try await /*<instswift>*/InstSwift.span("Database.query", kind: .client) { instswiftSpan in try await /*</instswift>*/db.query("SELECT name FROM users")/*<instswift>*/ }/*</instswift>*/
    }

    func local() async throws -> Int {
        let other: Database = Database()
        return try await /*<instswift>*/InstSwift.span("Database.query", kind: .client) { instswiftSpan in try await /*</instswift>*/other.query("SELECT 1")/*<instswift>*/ }/*</instswift>*/.count
    }
}

final class CachedRepository {
    var cache: Database?

    init(cache: Database?) { self.cache = cache }

    /// `self.x?.f()`: the receiver is `cache`'s declared type, through the optional chain.
    func cached() async throws -> [String]? {
        try await /*<instswift>*/InstSwift.span("Database.query", kind: .client) { instswiftSpan in try await /*</instswift>*/self.cache?.query("SELECT name FROM cached")/*<instswift>*/ }/*</instswift>*/
    }
}

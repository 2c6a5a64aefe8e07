final class Client: Sendable {
    func fetch(from url: String) async throws -> String { url }
}

struct Echo {
    func fetch(from url: String) -> String { "echo:" + url }
    static func fetch(from url: String) -> String { "static echo:" + url }
}

class Base {
    func fetch(from url: String) -> String { url }
}

final class Derived: Base {
    override func fetch(from url: String) -> String {
        super.fetch(from: url)
    }
}

func load(_ client: Client, _ optional: Client?, echo: Echo) async throws -> [String?] {
    let direct = try await client.fetch(from: "a")
    let chained = try await optional?.fetch(from: "b")
    let forced = try await optional!.fetch(from: "c")
    let other = echo.fetch(from: "d")
    let onType = Echo.fetch(from: "e")
    return [direct, chained, forced, other, onType]
}

final class Client: Sendable {
    func fetch(from url: String) async throws -> String { url }
}

struct Mirror {
    func fetch(from url: String) -> String { "mirror:" + url }
}

class Base {
    func fetch(from url: String) -> String { url }
}

final class Derived: Base {
    override func fetch(from url: String) -> String {
        super.fetch(from: url)
    }
}

func load(_ client: Client, _ optional: Client?, mirror: Mirror) async throws -> [String?] {
    let direct = try await client.fetch(from: "a")
    let chained = try await optional?.fetch(from: "b")
    let forced = try await optional!.fetch(from: "c")
    let other = mirror.fetch(from: "d")
    return [direct, chained, forced, other]
}

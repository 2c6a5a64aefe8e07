/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/final class Client: Sendable {
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
        /*<instswift>*/InstSwift.span("fetch", kind: .client) { instswiftSpan in /*</instswift>*/super.fetch(from: url)/*<instswift>*/ }/*</instswift>*/
    }
}

func load(_ client: Client, _ optional: Client?, echo: Echo) async throws -> [String?] {
    let direct = try await /*<instswift>*/InstSwift.span("fetch", kind: .client) { instswiftSpan in try await /*</instswift>*//*<instswift>*/TracedClient.traced(/*</instswift>*/client/*<instswift>*/)/*</instswift>*/.fetch(from: "a")/*<instswift>*/ }/*</instswift>*/
    let chained = try await /*<instswift>*/InstSwift.span("fetch", kind: .client) { instswiftSpan in try await /*</instswift>*/optional/*<instswift+32>*/.map { TracedClient.traced($0) }?.fetch(from: "b")/*<instswift>*/ }/*</instswift>*/
    let forced = try await /*<instswift>*/InstSwift.span("fetch", kind: .client) { instswiftSpan in try await /*</instswift>*/optional/*<instswift+32>*/.map { TracedClient.traced($0) }!.fetch(from: "c")/*<instswift>*/ }/*</instswift>*/
    let other = /*<instswift>*/InstSwift.span("fetch", kind: .client) { instswiftSpan in /*</instswift>*//*<instswift>*/TracedClient.traced(/*</instswift>*/echo/*<instswift>*/)/*</instswift>*/.fetch(from: "d")/*<instswift>*/ }/*</instswift>*/
    let onType = /*<instswift>*/InstSwift.span("fetch", kind: .client) { instswiftSpan in /*</instswift>*/Echo.fetch(from: "e")/*<instswift>*/ }/*</instswift>*/
    return [direct, chained, forced, other, onType]
}
/*<instswift>*/
// instswift: declarations of rule 'traced-fetch'
#sourceLocation(file: "rules.yml", line: 13)
/// A stand-in for `Client` with the same `fetch(from:)`; other receivers pass through unchanged.
struct TracedClient {
    let base: Client
    static func traced(_ client: Client) -> TracedClient { TracedClient(base: client) }
    static func traced<T>(_ other: T) -> T { other }

    func fetch(from url: String) async throws -> String {
        try await base.fetch(from: url + "?traced")
    }
}

#sourceLocation()
/*</instswift>*/
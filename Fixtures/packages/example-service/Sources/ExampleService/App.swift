import AsyncHTTPClient
import Foundation
import Hummingbird
import SQLiteNIO

/// The example service: `GET /hello/:name` greets, counts earlier greetings in SQLite and asks a downstream
/// service (DOWNSTREAM_URL) for a fortune; `POST /chat` asks an LLM agent (a model at LLM_URL with a SQL tool).
/// No tracing code here: instswift's rules add it at build time.
@main
struct ExampleService {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let port = Int(environment["PORT"] ?? "") ?? 8080
        let store = try await Store.open()
        var configuration = HTTPClient.Configuration()
        // AsyncHTTPClient can trace by itself; this example makes the client span with a rule instead, so turn the
        // library's own off to keep one client span per call.
        configuration.tracing.tracer = nil
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        // The agent's client keeps AsyncHTTPClient's own tracing: its HTTP spans nest under the GenAI spans.
        let modelClient = HTTPClient(eventLoopGroupProvider: .singleton)
        let agent = Agent(
            client: modelClient, baseURL: environment["LLM_URL"] ?? "http://127.0.0.1:8000/v1",
            model: environment["LLM_MODEL"] ?? "gpt-4o-mini", apiKey: environment["OPENAI_API_KEY"] ?? "sk-example-not-a-real-key",
            store: store, toolServer: environment["AGENT_MCP_SERVER"]
        )
        let handlers = Handlers(
            greeter: Greeter(store: store),
            downstream: Downstream(client: client, url: environment["DOWNSTREAM_URL"]),
            agent: agent
        )
        let router = Router()
        router.get("/hello/:name") { request, context in
            try await handlers.hello(request, context: context)
        }
        router.get("/fortune") { request, context in
            handlers.fortune(request)
        }
        router.post("/chat") { request, context in
            try await handlers.chat(request)
        }
        router.post("/model-call") { request, context in
            let query = request.uri.queryParameters
            return try await agent.rawCall(
                api: query.get("api") ?? "openai", stream: query.get("stream") != "false", includeUsage: query.get("usage") != "false",
                futureAPI: query.get("client")?.hasPrefix("future") == true, closedClient: query.get("client") == "future-closed"
            )
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        print("example-service listening on http://127.0.0.1:\(port)/hello/world")
        try await app.runService()
        try await client.shutdown()
        try await modelClient.shutdown()
        try await store.close()
    }
}

struct Handlers: Sendable {
    let greeter: Greeter
    let downstream: Downstream
    let agent: Agent

    func chat(_ request: Request) async throws -> String {
        let question = String(buffer: try await request.body.collect(upTo: 1 << 16))
        return try await agent.answer(question) + "\n"
    }

    func hello(_ request: Request, context: some RequestContext) async throws -> Response {
        let name = context.parameters.get("name") ?? "world"
        let greeting = try await greeter.greeting(for: name)
        // A plain log line: the swift-log pack adds the active span's trace_id and span_id to its metadata.
        context.logger.info("greeted", metadata: ["greeted.name": "\(name)"])
        let fortune = try await downstream.fortune()
        return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "\(greeting) \(fortune)\n")))
    }

    func fortune(_ request: Request) -> String {
        ["fortune: tests pass", "fortune: spans nest", "fortune: traces link"].randomElement()!
    }
}

struct Greeter: Sendable {
    let store: Store

    func greeting(for name: String) async throws -> String {
        let count = try await store.countGreetings(to: name)
        return count == 0 ? "Hello, \(name)!" : "Hello again, \(name) (\(count + 1) times)!"
    }
}

struct Downstream: Sendable {
    let client: HTTPClient
    let url: String?

    var host: String { URL(string: url ?? "")?.host ?? "" }
    var port: Int { URL(string: url ?? "").map { $0.port ?? ($0.scheme == "https" ? 443 : 80) } ?? 80 }

    func fortune() async throws -> String {
        guard let url else { return "" }
        let response = try await fetch(HTTPClientRequest(url: url))
        let body = try await response.body.collect(upTo: 1 << 16)
        return String(buffer: body)
    }

    func fetch(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        try await client.execute(request, timeout: .seconds(5))
    }
}

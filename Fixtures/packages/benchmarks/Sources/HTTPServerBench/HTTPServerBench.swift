import Foundation
import Hummingbird

// A Hummingbird service with no tracing code: `GET /hello/:name` answers a short text. Built with instswift, the
// Hummingbird pack adds a SERVER span per request. PORT sets the port.

@main
struct HTTPServerBench {
    static func main() async throws {
        let port = Int(ProcessInfo.processInfo.environment["PORT"] ?? "") ?? 8080
        let router = Router()
        router.get("/hello/:name") { _, context in
            "hello, \(context.parameters.get("name") ?? "there")\n"
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}

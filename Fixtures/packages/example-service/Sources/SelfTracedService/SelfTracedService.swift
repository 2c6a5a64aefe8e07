import Foundation
import Hummingbird
import OTel
import Tracing

/// A Hummingbird app that already traces by hand: it bootstraps swift-otel itself, adds Hummingbird's
/// `TracingMiddleware` and makes a span of its own. Built with instswift, it must export exactly these spans — no
/// second server span from the Hummingbird pack, no second bootstrap.
@main
struct SelfTracedService {
    static func main() async throws {
        var configuration = OTel.Configuration.default
        configuration.serviceName = "self-traced"
        configuration.metrics.enabled = false
        configuration.logs.enabled = false
        let observability = try OTel.bootstrap(configuration: configuration)

        let router = Router()
        router.add(middleware: TracingMiddleware())
        router.get("/hello/:name") { request, context -> String in
            let name = context.parameters.get("name") ?? "world"
            return try await withSpan("lookup") { span in
                span.attributes["lookup.name"] = name
                return "Hello, \(name)!"
            }
        }
        let port = Int(ProcessInfo.processInfo.environment["PORT"] ?? "") ?? 8082
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), services: [observability])
        try await app.runService()
    }
}

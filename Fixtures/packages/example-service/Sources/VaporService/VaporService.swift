import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Vapor

/// A Vapor 4 service with no tracing code: `GET /fortune` asks DOWNSTREAM_URL (with URLSession) for a fortune when it
/// is set, `GET /fortune-client` asks it with Vapor's own `Client`, `GET /fortune-delegate`, `/fortune-delegate-polled` and `/fortune-task` with URLSession tasks that have no completion handler, `GET /hello/:name` greets, `POST /ask` asks a model (LLM_URL), `POST /ask-task` and `/ask-delegate` stream its answer with a task (completion handler, delegate), `/ask-upload-file` uploads the request from a file, `/ask-download` downloads the answer to one (`/ask-download-delegate` for a session delegate to read), `GET /fail` answers 500. The built-in Vapor pack makes its server spans (unless
/// VAPOR_TRACING_MIDDLEWARE=1 makes it an app that adds Vapor's own `TracingMiddleware`).
@main
struct VaporService {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let app = try await Application.make(.production)
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = Int(environment["PORT"] ?? "") ?? 8081
        let downstream = environment["DOWNSTREAM_URL"].flatMap(URL.init(string:))
        // An app that traces by hand (the e2e suite checks that instswift then adds no span of its own).
        if environment["VAPOR_TRACING_MIDDLEWARE"] == "1" {
            app.middleware.use(TracingMiddleware(), at: .beginning)
            app.traceAutoPropagation = true
        }

        // An app whose HTTP client is configured not to trace (instswift keeps that choice).
        if environment["VAPOR_CLIENT_UNTRACED"] == "1" {
            app.http.client.configuration.tracing.tracer = nil
        }

        app.get("hello", ":name") { request async throws -> String in
            let name = request.parameters.get("name") ?? "world"
            request.logger.info("greeted", metadata: ["greeted.name": "\(name)"])
            return "Hello from Vapor, \(name)!"
        }
        app.get("fortune") { request async throws -> String in
            guard let downstream else { return "fortune: vapor says hi" }
            let (data, _) = try await URLSession.shared.data(for: URLRequest(url: downstream))
            return String(decoding: data, as: UTF8.self)
        }
        // The same with tasks that have no completion handler (TasksWithoutHandlers.swift).
        app.get("fortune-delegate") { request async throws -> String in
            guard let downstream else { return "fortune: vapor says hi" }
            return try await TasksWithoutHandlers.fetchThroughDelegate(downstream)
        }
        app.get("fortune-delegate-polled") { request async throws -> String in
            guard let downstream else { return "fortune: vapor says hi" }
            return try await TasksWithoutHandlers.fetchThroughDelegateWithoutCompletion(downstream)
        }
        app.get("fortune-task") { request async throws -> String in
            guard let downstream else { return "fortune: vapor says hi" }
            return "status \(try await TasksWithoutHandlers.fetchAndForget(downstream))"
        }
        app.get("fortune-client") { request async throws -> String in
            guard let downstream else { return "fortune: vapor says hi" }
            let response = try await request.client.get(URI(string: downstream.absoluteString))
            return response.body.map { String(buffer: $0) } ?? ""
        }
        // Asks a model (an OpenAI-compatible API at LLM_URL) with URLSession: the URLSession pack observes it as a
        // GenAI call too.
        app.post("ask") { request async throws -> String in
            let (data, _) = try await URLSession.shared.data(for: modelRequest(asking: request.body.string ?? "", streamed: false))
            let reply = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let message = ((reply?["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any])?["content"] as? String
            return message ?? ""
        }
        // The same streamed, with a task and a completion handler (the handler gets the whole stream at once).
        app.post("ask-task") { request async throws -> String in
            let call = try modelRequest(asking: request.body.string ?? "", streamed: true)
            let data: Data = try await withCheckedThrowingContinuation { continuation in
                URLSession.shared.dataTask(with: call) { data, _, error in
                    if let error { continuation.resume(throwing: error) } else { continuation.resume(returning: data ?? Data()) }
                }.resume()
            }
            return "\(data.count) bytes streamed"
        }
        // The same streamed, read by a session delegate as the chunks arrive.
        app.post("ask-delegate") { request async throws -> String in
            let body = try await TasksWithoutHandlers.fetchThroughDelegate(modelRequest(asking: request.body.string ?? "", streamed: true))
            return "\(body.utf8.count) bytes streamed"
        }
        // The same streamed, its request body uploaded from a file.
        app.post("ask-upload-file") { request async throws -> String in
            var call = try modelRequest(asking: request.body.string ?? "", streamed: true)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("ask-\(UUID().uuidString).json")
            try (call.httpBody ?? Data()).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            call.httpBody = nil
            let (data, _) = try await URLSession.shared.upload(for: call, fromFile: file)
            return "\(data.count) bytes streamed"
        }
        // The same streamed, its answer downloaded to a file by a download task.
        app.post("ask-download") { request async throws -> String in
            let call = try modelRequest(asking: request.body.string ?? "", streamed: true)
            let size: Int = try await withCheckedThrowingContinuation { continuation in
                URLSession.shared.downloadTask(with: call) { location, _, error in
                    if let error { continuation.resume(throwing: error) } else { continuation.resume(returning: location.flatMap { try? Data(contentsOf: $0).count } ?? 0) }
                }.resume()
            }
            return "\(size) bytes streamed"
        }
        // The same, the downloaded file given to the session's delegate.
        app.post("ask-download-delegate") { request async throws -> String in
            let size = try await DownloadReader.download(modelRequest(asking: request.body.string ?? "", streamed: true))
            return "\(size) bytes streamed"
        }
        app.get("fail") { request async throws -> String in
            throw Abort(.internalServerError, reason: "failing on purpose")
        }
        print("vapor-service listening on http://127.0.0.1:\(app.http.server.configuration.port)/hello/world")
        try await app.execute()
        try await app.asyncShutdown()
    }

    /// A chat completion request to the OpenAI-compatible API at LLM_URL.
    static func modelRequest(asking prompt: String, streamed: Bool) throws -> URLRequest {
        let environment = ProcessInfo.processInfo.environment
        var call = URLRequest(url: URL(string: (environment["LLM_URL"] ?? "http://127.0.0.1:8000/v1") + "/chat/completions")!)
        call.httpMethod = "POST"
        call.setValue("application/json", forHTTPHeaderField: "Content-Type")
        call.setValue("Bearer " + (environment["OPENAI_API_KEY"] ?? "sk-example-not-a-real-key"), forHTTPHeaderField: "Authorization")
        var body: [String: Any] = ["model": "gpt-4o-mini", "max_tokens": 64, "messages": [["role": "user", "content": prompt]]]
        if streamed { body["stream"] = true; body["stream_options"] = ["include_usage": true] }
        call.httpBody = try JSONSerialization.data(withJSONObject: body)
        return call
    }
}

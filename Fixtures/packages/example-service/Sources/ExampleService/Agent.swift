import AsyncHTTPClient
import Foundation
import MCP
import NIOCore
import SystemPackage

/// A small LLM agent: it asks a model (any OpenAI-compatible server at LLM_URL) with one tool, `run_sql`, runs the
/// query the model asks for against the store — or, when `toolServer` names an MCP server command (AGENT_MCP_SERVER),
/// calls that server's `run_sql` tool over MCP — and asks the model again with the result, streaming both answers. No
/// tracing code: the built-in GenAI pack observes the model calls inside AsyncHTTPClient, the MCP pack the tool call,
/// and the two comments below become the agent's and the tool's spans.
struct Agent: Sendable {
    let client: HTTPClient
    let baseURL: String
    let model: String
    let apiKey: String
    let store: Store
    var toolServer: String? = nil

    // instswift:agent "example-agent"
    func answer(_ question: String) async throws -> String {
        var messages = [ChatMessage(role: "system", content: "Answer with data from the greetings database."),
                        ChatMessage(role: "user", content: question)]
        let first = try await complete(messages, tools: [Self.sqlTool])
        guard let call = first.toolCalls.first else { return first.text }
        let result = try await runTool(call.function.name, arguments: call.function.arguments)
        messages.append(ChatMessage(role: "assistant", content: nil, tool_calls: first.toolCalls))
        messages.append(ChatMessage(role: "tool", content: result, tool_call_id: call.id))
        return try await complete(messages, tools: nil).text
    }

    // instswift:tool "run_sql"
    func runTool(_ name: String, arguments: String) async throws -> String {
        guard name == "run_sql", let data = arguments.data(using: .utf8),
            let query = try JSONDecoder().decode([String: String].self, from: data)["query"]
        else { throw AgentError.unknownTool(name) }
        guard let toolServer else { return try await store.scalar(query) }
        return try await Self.callOverMCP(toolServer.split(separator: " ").map(String.init), tool: name, arguments: ["query": .string(query)])
    }

    /// Starts the MCP server `command` (through `/usr/bin/env`), calls its `tool` over stdio and returns the text answer.
    static func callOverMCP(_ command: [String], tool: String, arguments: [String: Value]) async throws -> String {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = command
        let toServer = Pipe(), fromServer = Pipe()
        server.standardInput = toServer
        server.standardOutput = fromServer
        try server.run()
        let client = Client(name: "example-agent", version: "1.0.0")
        try await client.connect(transport: StdioTransport(
            input: FileDescriptor(rawValue: fromServer.fileHandleForReading.fileDescriptor),
            output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor)
        ))
        let result = try await client.callTool(name: tool, arguments: arguments)
        await client.disconnect()
        try toServer.fileHandleForWriting.close()
        server.waitUntilExit()
        return result.content.map { content in
            if case .text(let text, _, _) = content { return text }
            return ""
        }.joined()
    }

    /// One streamed chat completion: the text and tool calls it streamed.
    func complete(_ messages: [ChatMessage], tools: [ChatTool]?) async throws -> Completion {
        var request = HTTPClientRequest(url: baseURL + "/chat/completions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        let body = ChatRequest(model: model, messages: messages, tools: tools, stream: true, stream_options: .init(include_usage: true))
        request.body = .bytes(ByteBuffer(data: try JSONEncoder().encode(body)))
        let response = try await client.execute(request, timeout: .seconds(60))
        guard response.status == .ok else { throw AgentError.model(Int(response.status.code)) }
        var completion = Completion()
        var pending = ""
        for try await buffer in response.body {
            pending += String(buffer: buffer)
            while let newline = pending.firstIndex(of: "\n") {
                let line = pending[..<newline]
                pending = String(pending[pending.index(after: newline)...])
                guard line.hasPrefix("data: "), line != "data: [DONE]" else { continue }
                completion.add(try JSONDecoder().decode(ChatChunk.self, from: Data(line.dropFirst(6).utf8)))
            }
        }
        return completion
    }

    /// One model call as given, its body read whole: `api` is `openai`, `anthropic` or `ollama` (its native
    /// `/api/chat`, at the server's root); for the tests of every shape.
    /// One model call of the given shape, through AsyncHTTPClient's async API or (`futureAPI`) its EventLoopFuture API.
    func rawCall(api: String, stream: Bool, includeUsage: Bool, futureAPI: Bool = false, closedClient: Bool = false) async throws -> String {
        let root = baseURL.hasSuffix("/v1") ? String(baseURL.dropLast(3)) : baseURL
        let url = api == "ollama" ? root + "/api/chat" : baseURL + (api == "anthropic" ? "/messages" : "/chat/completions")
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: api == "anthropic" ? "x-api-key" : "Authorization", value: api == "anthropic" ? apiKey : "Bearer \(apiKey)")
        var body: [String: Any] = [
            "model": model, "stream": stream, "max_tokens": 64, "temperature": 0.5,
            "messages": [["role": "user", "content": "Say hello to the example service."]],
        ]
        if api == "ollama" {
            body["max_tokens"] = nil
            body["temperature"] = nil
            body["options"] = ["num_predict": 64, "temperature": 0.5]
        }
        if stream, includeUsage, api == "openai" { body["stream_options"] = ["include_usage": true] }
        let json = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
        if futureAPI {
            let legacy = try HTTPClient.Request(url: url, method: .POST, headers: request.headers, body: .byteBuffer(json))
            if closedClient {
                // A client already shut down fails the request before any delegate callback.
                let closed = HTTPClient(eventLoopGroupProvider: .singleton)
                try await closed.shutdown()
                do {
                    _ = try await closed.execute(request: legacy, deadline: .now() + .seconds(60)).get()
                } catch {
                    return "failed: \(error)"
                }
            }
            let response = try await client.execute(request: legacy, deadline: .now() + .seconds(60)).get()
            return "\(response.status.code) \(response.body.map { String(buffer: $0) } ?? "")"
        }
        request.body = .bytes(json)
        let response = try await client.execute(request, timeout: .seconds(60))
        let text = try await response.body.collect(upTo: 1 << 20)
        return "\(response.status.code) \(String(buffer: text))"
    }

    static let sqlTool = ChatTool(function: .init(
        name: "run_sql", description: "Run a read-only SQL query against the greetings database",
        parameters: .init(type: "object", properties: ["query": .init(type: "string")], required: ["query"])
    ))
}

enum AgentError: Error {
    case unknownTool(String)
    case model(Int)
}

struct ChatMessage: Codable, Sendable {
    var role: String
    var content: String?
    var tool_calls: [ToolCall]? = nil
    var tool_call_id: String? = nil
}

struct ToolCall: Codable, Sendable {
    struct Function: Codable, Sendable {
        var name: String
        var arguments: String
    }
    var id: String
    var type = "function"
    var function: Function
}

struct ChatTool: Encodable, Sendable {
    struct Function: Encodable, Sendable {
        var name: String
        var description: String
        var parameters: Schema
    }
    struct Schema: Encodable, Sendable {
        var type: String
        var properties: [String: Property]?
        var required: [String]?
    }
    struct Property: Encodable, Sendable { var type: String }
    var type = "function"
    var function: Function
}

struct ChatRequest: Encodable {
    struct StreamOptions: Encodable { var include_usage: Bool }
    var model: String
    var messages: [ChatMessage]
    var tools: [ChatTool]?
    var stream: Bool
    var stream_options: StreamOptions?
}

struct ChatChunk: Decodable {
    struct Choice: Decodable {
        struct Delta: Decodable {
            struct ToolCallDelta: Decodable {
                struct Function: Decodable {
                    var name: String?
                    var arguments: String?
                }
                var index: Int
                var id: String?
                var function: Function?
            }
            var content: String?
            var tool_calls: [ToolCallDelta]?
        }
        var delta: Delta
    }
    var choices: [Choice]
}

/// What a stream said, assembled from its chunks.
struct Completion {
    var text = ""
    var toolCalls: [ToolCall] = []

    mutating func add(_ chunk: ChatChunk) {
        for choice in chunk.choices {
            text += choice.delta.content ?? ""
            for delta in choice.delta.tool_calls ?? [] {
                while toolCalls.count <= delta.index { toolCalls.append(ToolCall(id: "", function: .init(name: "", arguments: ""))) }
                if let id = delta.id { toolCalls[delta.index].id = id }
                toolCalls[delta.index].function.name += delta.function?.name ?? ""
                toolCalls[delta.index].function.arguments += delta.function?.arguments ?? ""
            }
        }
    }
}

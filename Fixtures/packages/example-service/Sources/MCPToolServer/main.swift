import MCP

// An MCP server with three tools, `add`, `fail` (a tool error) and `run_sql` (the example agent's SQL tool), over stdio — or over Streamable HTTP at
// http://127.0.0.1:PORT/mcp with `--http PORT` (swift-sdk's stateful HTTP transport served by Hummingbird) or
// `--http-stateless PORT` (its stateless transport: no sessions, JSON responses). No tracing
// code: the built-in MCP pack gives each request a SERVER span parented by the trace context the client put in
// `params._meta` (over HTTP, by the request's `traceparent` header when `_meta` has none), with the HTTP session's id.

let server = Server(name: "swift-tools", version: "1.0.0", capabilities: .init(tools: .init(listChanged: false)))

await server.withMethodHandler(ListTools.self) { _ in
    .init(tools: [
        Tool(name: "add", description: "Add two integers", inputSchema: .object([
            "type": "object", "properties": .object(["a": .object(["type": "integer"]), "b": .object(["type": "integer"])]),
        ])),
        Tool(name: "fail", description: "Always reports a tool error", inputSchema: .object(["type": "object"])),
        Tool(name: "run_sql", description: "Run a read-only SQL query against the greetings database", inputSchema: .object([
            "type": "object", "properties": .object(["query": .object(["type": "string"])]),
        ])),
    ])
}

await server.withMethodHandler(CallTool.self) { params in
    switch params.name {
    case "add":
        let sum = (params.arguments?["a"]?.intValue ?? 0) + (params.arguments?["b"]?.intValue ?? 0)
        return .init(content: [.text(text: String(sum), annotations: nil, _meta: nil)], isError: false)
    case "run_sql":
        let answer = try await Greetings.scalar(params.arguments?["query"]?.stringValue ?? "")
        return .init(content: [.text(text: answer, annotations: nil, _meta: nil)], isError: false)
    default:
        return .init(content: [.text(text: "this tool always fails", annotations: nil, _meta: nil)], isError: true)
    }
}

let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "--http", let port = Int(arguments[2]) {
    let transport = StatefulHTTPServerTransport()
    try await server.start(transport: transport)
    try await serveOverHTTP(port: port) { await transport.handleRequest($0) }
} else if arguments.count == 3, arguments[1] == "--http-stateless", let port = Int(arguments[2]) {
    let transport = StatelessHTTPServerTransport()
    try await server.start(transport: transport)
    try await serveOverHTTP(port: port) { await transport.handleRequest($0) }
} else {
    try await server.start(transport: StdioTransport())
    await server.waitUntilCompleted()
}

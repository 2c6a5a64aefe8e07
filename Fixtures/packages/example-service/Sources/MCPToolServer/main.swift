import MCP

// An MCP server with two tools, `add` and `fail` (a tool error), over stdio — or over Streamable HTTP at
// http://127.0.0.1:PORT/mcp with `--http PORT` (swift-sdk's stateful HTTP transport served by Hummingbird). No tracing
// code: the built-in MCP pack gives each request a SERVER span parented by the trace context the client put in
// `params._meta` (over HTTP, by the request's `traceparent` header when `_meta` has none), with the HTTP session's id.

let server = Server(name: "swift-tools", version: "1.0.0", capabilities: .init(tools: .init(listChanged: false)))

await server.withMethodHandler(ListTools.self) { _ in
    .init(tools: [
        Tool(name: "add", description: "Add two integers", inputSchema: .object([
            "type": "object", "properties": .object(["a": .object(["type": "integer"]), "b": .object(["type": "integer"])]),
        ])),
        Tool(name: "fail", description: "Always reports a tool error", inputSchema: .object(["type": "object"])),
    ])
}

await server.withMethodHandler(CallTool.self) { params in
    switch params.name {
    case "add":
        let sum = (params.arguments?["a"]?.intValue ?? 0) + (params.arguments?["b"]?.intValue ?? 0)
        return .init(content: [.text(text: String(sum), annotations: nil, _meta: nil)], isError: false)
    default:
        return .init(content: [.text(text: "this tool always fails", annotations: nil, _meta: nil)], isError: true)
    }
}

let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "--http", let port = Int(arguments[2]) {
    let transport = StatefulHTTPServerTransport()
    try await server.start(transport: transport)
    try await serveOverHTTP(transport, port: port)
} else {
    try await server.start(transport: StdioTransport())
    await server.waitUntilCompleted()
}

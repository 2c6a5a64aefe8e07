import MCP

// An MCP server over stdio with two tools, `add` and `fail` (a tool error). No tracing code: the built-in MCP pack
// gives each request a SERVER span parented by the trace context the client put in `params._meta`.

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

try await server.start(transport: StdioTransport())
await server.waitUntilCompleted()

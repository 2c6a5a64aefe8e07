import Foundation
import MCP
import SystemPackage

// An MCP client: starts the server command given as arguments, talks to it over stdio, lists its tools and calls
// `add` (with a `_meta` key of its own), `fail` and, when the server has it, `echo_meta`, and prints what came back. No tracing code: the built-in MCP pack
// gives each request a CLIENT span and writes the trace context into `params._meta`; the comment below makes the
// whole run one agent span, so client and server spans share its trace.
//
// Usage: MCPToolClient <server command> [arguments...]
//        MCPToolClient http://HOST:PORT/mcp       (a server over Streamable HTTP; the URLSession pack traces its requests)

@main
struct MCPToolClient {
    static func main() async throws {
        let command = Array(CommandLine.arguments.dropFirst())
        guard !command.isEmpty else {
            FileHandle.standardError.write(Data("usage: MCPToolClient <server command> [arguments...] | http://HOST:PORT/mcp\n".utf8))
            exit(2)
        }
        if command.count == 1, command[0].hasPrefix("http"), let endpoint = URL(string: command[0]) {
            try await run(HTTPClientTransport(endpoint: endpoint, streaming: false))
            return
        }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = command
        let toServer = Pipe(), fromServer = Pipe()
        server.standardInput = toServer
        server.standardOutput = fromServer
        try server.run()
        let transport = StdioTransport(
            input: FileDescriptor(rawValue: fromServer.fileHandleForReading.fileDescriptor),
            output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor)
        )
        try await run(transport)
        try toServer.fileHandleForWriting.close()
        server.waitUntilExit()
    }

    // instswift:agent "mcp-client"
    static func run(_ transport: some Transport) async throws {
        let client = Client(name: "swift-client", version: "1.0.0")
        try await client.connect(transport: transport)
        let (tools, _) = try await client.listTools()
        print("tools:", tools.map(\.name).sorted().joined(separator: ","))
        let sum = try await client.callTool(
            name: "add", arguments: ["a": 2, "b": 3], meta: Metadata(additionalFields: ["caller.key": "kept"])
        )
        print("add:", sum.content.map(text).joined(), "isError:", sum.isError ?? false)
        let failed = try await client.callTool(name: "fail", arguments: [:])
        print("fail:", failed.content.map(text).joined(), "isError:", failed.isError ?? false)
        if tools.contains(where: { $0.name == "echo_meta" }) {
            let meta = try await client.callTool(name: "echo_meta", meta: Metadata(additionalFields: ["caller.key": "kept"]))
            print("meta:", meta.content.map(text).joined())
        }
        await client.disconnect()
    }

    static func text(_ content: Tool.Content) -> String {
        if case .text(let text, _, _) = content { return text }
        return ""
    }
}

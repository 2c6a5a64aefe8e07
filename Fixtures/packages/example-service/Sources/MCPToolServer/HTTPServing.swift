import Foundation
import Hummingbird
import MCP

/// Serves an MCP HTTP server transport at `/mcp` on 127.0.0.1:`port`: each HTTP request handed to `transport` (its
/// `handleRequest`) as swift-sdk's framework-agnostic request, the transport's response written back (a JSON body, or
/// an SSE stream).
func serveOverHTTP(port: Int, _ transport: @escaping @Sendable (MCP.HTTPRequest) async -> MCP.HTTPResponse) async throws {
    let router = Router()
    let handle: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
        let body = try await request.body.collect(upTo: 4 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.rawName] = field.value }
        let response = await transport(MCP.HTTPRequest(
            method: request.method.rawValue, headers: headers, body: Data(body.readableBytesView), path: request.uri.path
        ))
        return hummingbirdResponse(response)
    }
    router.post("/mcp", use: handle)
    router.get("/mcp", use: handle)
    router.delete("/mcp", use: handle)
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
    try await app.runService()
}

/// Hummingbird's response for the transport's.
func hummingbirdResponse(_ response: MCP.HTTPResponse) -> Response {
    var fields = HTTPFields()
    for (name, value) in response.headers {
        if let name = HTTPFields.Element.Name(name) { fields[name] = value }  // HTTPField itself is not re-exported
    }
    if case .stream(let events, _) = response {
        return Response(status: .init(code: response.statusCode), headers: fields, body: ResponseBody { writer in
            for try await event in events { try await writer.write(ByteBuffer(bytes: event)) }
            try await writer.finish(nil)
        })
    }
    let body = ByteBuffer(bytes: response.bodyData ?? Data())
    return Response(status: .init(code: response.statusCode), headers: fields, body: ResponseBody(byteBuffer: body))
}

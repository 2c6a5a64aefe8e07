import EchoProto
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2


// The example's gRPC server (generated from echo.proto by grpc-swift-protobuf's build plugin). No tracing code: the
// built-in gRPC pack makes a SERVER span per RPC, continuing the caller's trace from the request metadata. Listens on
// 127.0.0.1:PORT (the first argument) and prints "listening" once it does.

struct EchoService: Echo_Echo.SimpleServiceProtocol {
    func get(request: Echo_EchoRequest, context: ServerContext) async throws -> Echo_EchoResponse {
        let text = try lookup(request.text)
        return .with { $0.text = text }
    }

    // instswift:tool "echo-lookup"
    func lookup(_ text: String) throws -> String {
        if text == "missing" { throw RPCError(code: .notFound, message: "no echo for 'missing'") }
        return text
    }

    func expand(request: Echo_EchoRequest, response: RPCWriter<Echo_EchoResponse>, context: ServerContext) async throws {
        for word in request.text.split(separator: " ") {
            try await response.write(.with { $0.text = String(word) })
        }
    }

    /// The request texts joined by spaces.
    func collect(request: RPCAsyncSequence<Echo_EchoRequest, any Error>, context: ServerContext) async throws -> Echo_EchoResponse {
        var texts: [String] = []
        for try await message in request { texts.append(message.text) }
        return .with { $0.text = texts.joined(separator: " ") }
    }

    /// Each request text, upper-cased, as it arrives.
    func update(
        request: RPCAsyncSequence<Echo_EchoRequest, any Error>, response: RPCWriter<Echo_EchoResponse>, context: ServerContext
    ) async throws {
        for try await message in request { try await response.write(.with { $0.text = message.text.uppercased() }) }
    }
}

/// Stands in for grpc-swift-extras' `ServerOTelTracingInterceptor` (not mirrored here): the pack recognises tracing
/// interceptors by their type name.
struct AppTracingInterceptor: ServerInterceptor {
    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        try await next(request, context)
    }
}

@main
struct GRPCEchoServer {
    static func main() async throws {
        let port = Int(CommandLine.arguments[1])!
        // ECHO_APP_TRACING=1: the app registers a tracing interceptor of its own, and the pack steps aside.
        let ownTracing = ProcessInfo.processInfo.environment["ECHO_APP_TRACING"] == "1"
        let server = GRPCServer(
            transport: .http2NIOPosix(address: .ipv4(host: "127.0.0.1", port: port), transportSecurity: .plaintext),
            services: [EchoService()],
            interceptors: ownTracing ? [AppTracingInterceptor()] : []
        )
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await server.serve() }
            if let address = try await server.listeningAddress {
                print("listening on \(address)")
                fflush(nil)  // the test waits for this line on a pipe
            }
        }
    }
}

import EchoProto
import GRPCCore
import GRPCNIOTransportHTTP2

// The example's gRPC client: a unary call, a server-streaming, a client-streaming and a bidirectional call, and a
// unary call that fails with NOT_FOUND, to the
// server at 127.0.0.1:PORT (the first argument). No tracing code: the built-in gRPC pack makes a CLIENT span per RPC
// and carries the trace context in the request metadata; the comment below makes the run one workflow span.

@main
struct GRPCEchoClient {
    static func main() async throws {
        let port = Int(CommandLine.arguments[1])!
        try await withGRPCClient(
            transport: .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
        ) { client in
            try await work(Echo_Echo.Client(wrapping: client))
        }
    }

    // instswift:workflow "grpc-demo"
    static func work(_ echo: Echo_Echo.Client<HTTP2ClientTransport.Posix>) async throws {
        let reply = try await echo.get(.with { $0.text = "hello" })
        print("get:", reply.text)
        let words = try await echo.expand(.with { $0.text = "one two three" }) { response in
            var words: [String] = []
            for try await message in response.messages { words.append(message.text) }
            return words
        }
        print("expand:", words.joined(separator: ","))
        let collected = try await echo.collect(requestProducer: { writer in
            for word in ["a", "b", "c"] { try await writer.write(.with { $0.text = word }) }
        })
        print("collect:", collected.text)
        let updated = try await echo.update(requestProducer: { writer in
            for word in ["x", "y"] { try await writer.write(.with { $0.text = word }) }
        }, onResponse: { response in
            var words: [String] = []
            for try await message in response.messages { words.append(message.text) }
            return words
        })
        print("update:", updated.joined(separator: ","))
        do {
            _ = try await echo.get(.with { $0.text = "missing" })
        } catch let error as RPCError {
            print("failed as expected:", error.code)
        }
    }
}

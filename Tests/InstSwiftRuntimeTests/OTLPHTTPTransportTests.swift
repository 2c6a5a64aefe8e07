import Foundation
@testable import InstSwiftOTel
import Synchronization
import Testing

/// The pipeline's HTTP client against real sockets on loopback (issue 14, must 4): answers read by length, chunked or
/// to the end, a kept-alive connection reused, and every fault — nothing listening, a listener that never answers, a
/// refusal — bounded by the deadline and reported, never a hang.
@Suite struct OTLPHTTPTransportTests {
    @Test func aKeptAliveConnectionCarriesSeveralExports() throws {
        let server = try LoopbackServer(answers: [
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
        ])
        let transport = OTLPHTTPTransport(endpoint: server.endpoint(headers: [("x-team", "payments")]))
        #expect(transport.post(Array("first".utf8), deadline: .now + .seconds(5)) == .accepted)
        #expect(transport.post(Array("second".utf8), deadline: .now + .seconds(5)) == .accepted)
        server.finish()
        #expect(server.connections == 1)
        let requests = server.requests
        #expect(requests.count == 2 && requests[0].hasPrefix("POST /v1/traces HTTP/1.1\r\n") && requests[1].hasSuffix("\r\n\r\nsecond"))
        #expect(requests[0].contains("\r\nContent-Type: application/x-protobuf\r\n") && requests[0].contains("\r\nx-team: payments\r\n"))
    }

    @Test func aChunkedAnswerIsReadChunkByChunkSoTheConnectionStaysInStep() throws {
        // The chunk's data is the last chunk's spelling: a reader that searched for it would stop there and read the rest
        // as the next answer.
        let server = try LoopbackServer(answers: [
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\n0\r\n\r\n\r\n0\r\nTrailer: x\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
        ])
        let transport = OTLPHTTPTransport(endpoint: server.endpoint())
        #expect(transport.post([1], deadline: .now + .seconds(5)) == .accepted)
        #expect(transport.post([2], deadline: .now + .seconds(5)) == .accepted)
        server.finish()
        #expect(server.connections == 1)
    }

    @Test func anAnswerThatClosesTheConnectionIsReadToItsEnd() throws {
        let server = try LoopbackServer(answers: ["HTTP/1.0 200 OK\r\n\r\nbody until close"])
        let transport = OTLPHTTPTransport(endpoint: server.endpoint())
        #expect(transport.post([1, 2, 3], deadline: .now + .seconds(5)) == .accepted)
        server.finish()
    }

    @Test func refusalsAreReportedAndOnlyTransientOnesRetryable() throws {
        let server = try LoopbackServer(answers: [
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n",
        ])
        let transport = OTLPHTTPTransport(endpoint: server.endpoint())
        #expect(transport.post([1], deadline: .now + .seconds(5)) == .failed(reason: "the collector answered 503", retryable: true))
        #expect(transport.post([1], deadline: .now + .seconds(5)) == .failed(reason: "the collector answered 400", retryable: false))
        server.finish()
    }

    @Test func nothingListeningFailsAtOnce() throws {
        let port = try LoopbackServer.unusedPort()
        let transport = OTLPHTTPTransport(endpoint: OTLPEndpoint(url: "http://127.0.0.1:\(port)/v1/traces", headers: [])!)
        let started = ContinuousClock.now
        guard case .failed(let reason, true) = transport.post([1], deadline: .now + .seconds(5)) else {
            Issue.record("a post to a closed port did not fail as retryable")
            return
        }
        #expect(reason.hasPrefix("cannot connect") && ContinuousClock.now - started < .seconds(2))
    }

    @Test func aCollectorThatNeverAnswersCostsAtMostTheDeadline() throws {
        let server = try LoopbackServer(answers: nil)
        let transport = OTLPHTTPTransport(endpoint: server.endpoint())
        let started = ContinuousClock.now
        let outcome = transport.post(Array(repeating: 7, count: 1000), deadline: .now + .milliseconds(300))
        let took = ContinuousClock.now - started
        #expect(outcome == .failed(reason: "no answer within the export timeout", retryable: true))
        #expect(took >= .milliseconds(250) && took < .seconds(2), "\(took)")
        server.finish()
    }

    @Test func theExporterStopsByItsDeadlineAndCountsWhatItCouldNotSend() throws {
        let server = try LoopbackServer(answers: nil)
        let queue = SpanExportQueue(capacity: 100, batchSize: 10)
        let sink = OTLPHTTPSink(
            endpoint: server.endpoint(),
            encoder: OTLPTraceEncoder(resource: [("service.name", "t")], scopeName: "t", scopeVersion: "0", limits: SpanLimits(environment: [:])))
        let exporter = SpanExporter(queue: queue, sink: sink, interval: .milliseconds(20), timeout: .milliseconds(200))
        exporter.start()
        for index in 0..<25 { queue.enqueue(SpanPipelineTests.record(index)) }
        let started = ContinuousClock.now
        exporter.shutdown(deadline: .now + .seconds(1))
        #expect(ContinuousClock.now - started < .milliseconds(1500))
        // A request in flight at the deadline ends with it: then every span was either counted as failed or still waits.
        Thread.sleep(forTimeInterval: 0.1)
        #expect(exporter.failedSpans > 0 && exporter.failedSpans + queue.count == 25, "\(exporter.failedSpans) failed, \(queue.count) waiting")
        server.finish()
    }

    @Test(arguments: [
        (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318/"], "http://collector:4318/v1/traces"),
        (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://other/custom"], "http://other:80/custom"),
        (["OTEL_TRACES_EXPORTER": "otlp"], "http://localhost:4318/v1/traces"),
        (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://[::1]:4318"], "http://[::1]:4318/v1/traces"),
    ])
    func theEndpointFollowsTheStandardVariables(_ environment: [String: String], _ expected: String) {
        #expect(OTLPEndpoint(environment: environment)?.description == expected)
    }

    @Test(arguments: [
        (["OTEL_EXPORTER_OTLP_ENDPOINT": "https://c:4318"], "an endpoint other than plain http://, or headers that cannot be sent"),
        (
            ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_EXPORTER_OTLP_HEADERS": "broken"],
            "an endpoint other than plain http://, or headers that cannot be sent"
        ),
        (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"], "protocol grpc"),
        (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_EXPORTER_OTLP_COMPRESSION": "gzip"], "compression gzip"),
        (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "INSTSWIFT_SPAN_PIPELINE": "swift-otel"], "INSTSWIFT_SPAN_PIPELINE=swift-otel"),
        (["OTEL_TRACES_EXPORTER": "console"], "OTEL_TRACES_EXPORTER=console"),
    ])
    func swiftOTelServesWhatThePipelineDoesNot(_ environment: [String: String], _ reason: String) {
        guard case .failure(let serves) = SpanPipeline.collector(environment) else {
            Issue.record("the pipeline took \(environment)")
            return
        }
        #expect(serves.reason == reason)
    }

    @Test func thePipelineServesAPlainHTTPCollector() throws {
        let endpoint = try SpanPipeline.collector(["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318"]).get()
        #expect(endpoint.description == "http://c:4318/v1/traces")
    }

    @Test func headersAndResourceAttributesArePercentDecoded() {
        let headers = OTLPEndpoint.headerList("api-key=a%20b, x-team = payments")
        #expect(headers?.map(\.name) == ["api-key", "x-team"] && headers?.map(\.value) == ["a b", "payments"])
        #expect(OTLPEndpoint.headerList("bad header=1") == nil && OTLPEndpoint.headerList("x=a%0D%0Ab") == nil)
        let resource = SpanPipeline.resourceAttributes(["OTEL_RESOURCE_ATTRIBUTES": "deployment.environment.name=prod%2Deu,broken,service.name=from-attributes"]
        )
        #expect(resource.contains { $0 == ("deployment.environment.name", "prod-eu") })
        #expect(resource.contains { $0 == ("service.name", "from-attributes") } && resource.contains { $0 == ("telemetry.sdk.language", "swift") })
        let named = SpanPipeline.resourceAttributes(["OTEL_RESOURCE_ATTRIBUTES": "service.name=a", "OTEL_SERVICE_NAME": "b"])
        #expect(named.filter { $0.key == "service.name" }.map(\.value) == ["b"])
    }
}

/// A TCP listener on 127.0.0.1 that answers each request of its first connection with the next answer (`nil`: accepts
/// nothing, a collector that never answers), keeping what it received.
final class LoopbackServer: Sendable {
    let port: Int
    private let listener: Int32
    private let received = Mutex<(requests: [String], connections: Int)>(([], 0))
    private let done = DispatchSemaphore(value: 0)

    var requests: [String] { received.withLock { $0.requests } }
    var connections: Int { received.withLock { $0.connections } }

    init(answers: [String]?) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound, listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        port = Int(UInt16(bigEndian: address.sin_port))
        guard let answers else {
            done.signal()
            return
        }
        let thread = Thread { [self] in
            defer { done.signal() }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            defer { close(connection) }
            received.withLock { $0.connections += 1 }
            var buffer: [UInt8] = []
            for answer in answers {
                guard let request = Self.readRequest(connection, &buffer) else { return }
                received.withLock { $0.requests.append(request) }
                _ = answer.withCString { send(connection, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            }
        }
        thread.start()
    }

    func endpoint(headers: [(name: String, value: String)] = []) -> OTLPEndpoint {
        OTLPEndpoint(url: "http://127.0.0.1:\(port)/v1/traces", headers: headers)!
    }

    /// Waits for the answers to be sent, then closes the listener.
    func finish() {
        _ = done.wait(timeout: .now() + 5)
        close(listener)
    }

    static func unusedPort() throws -> Int {
        let server = try LoopbackServer(answers: nil)
        server.finish()
        return server.port
    }

    /// One request: head to the blank line, then `Content-Length` bytes; what follows stays in `buffer`.
    private static func readRequest(_ connection: Int32, _ buffer: inout [UInt8]) -> String? {
        func have() -> (head: Int, total: Int)? {
            guard let end = String(decoding: buffer, as: UTF8.self).range(of: "\r\n\r\n") else { return nil }
            let head = String(decoding: buffer, as: UTF8.self)[..<end.lowerBound]
            let length =
                head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            let headBytes = head.utf8.count + 4
            return buffer.count >= headBytes + length ? (headBytes, headBytes + length) : nil
        }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while have() == nil {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[..<count])
        }
        let total = have()!.total
        defer { buffer.removeFirst(total) }
        return String(decoding: buffer[..<total], as: UTF8.self)
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore

// Streamed chat completions through AsyncHTTPClient, one at a time, every body byte read: prints the process's CPU time
// per call (user + system, every thread: the event loop's, the exporter's), the wall time per call and the peak
// resident memory as one JSON line. No tracing code; built with instswift, the GenAI pack observes each call (a span,
// the SSE chunks parsed as they pass, metrics). MODEL_URL is the endpoint, CALLS the count (after 50 warm-up calls).

@main
struct GenAIStreamBench {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["MODEL_URL"] else { fatalError("set MODEL_URL") }
        let count = Int(environment["CALLS"] ?? "") ?? 500
        var bytes = 0
        for _ in 0..<50 { bytes += try await streamedCall(url) }
        let cpuBefore = cpuMicroseconds()
        let start = ContinuousClock.now
        for _ in 0..<count { bytes += try await streamedCall(url) }
        let wall = ContinuousClock.now - start
        let cpu = cpuMicroseconds() - cpuBefore
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let wallMicroseconds = wall.components.seconds * 1_000_000 + wall.components.attoseconds / 1_000_000_000_000
        print(
            "{\"cpu_us_per_call\": \(Double(cpu) / Double(count)), \"wall_us_per_call\": \(Double(wallMicroseconds) / Double(count)), "
                + "\"bytes\": \(bytes), \"max_rss_kb\": \(usage.ru_maxrss)}")
    }

    static let body = #"{"model": "gpt-4o-mini", "stream": true, "stream_options": {"include_usage": true}, "#
        + #""messages": [{"role": "user", "content": "Count for me."}]}"#

    /// One streamed call; returns the body's size.
    static func streamedCall(_ url: String) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        guard response.status == .ok else { fatalError("status \(response.status)") }
        var size = 0
        for try await part in response.body { size += part.readableBytes }
        return size
    }

    /// User and system time of the whole process so far.
    static func cpuMicroseconds() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let user = Int(usage.ru_utime.tv_sec) * 1_000_000 + Int(usage.ru_utime.tv_usec)
        return user + Int(usage.ru_stime.tv_sec) * 1_000_000 + Int(usage.ru_stime.tv_usec)
    }
}

import Foundation
import PostgresNIO

// `SELECT 1` through PostgresClient, one query at a time, rows read: prints the median and mean time per query and
// the process's peak resident memory as one JSON line. No tracing code; built with instswift, the PostgresNIO pack
// adds a span per query. QUERIES sets the count (after 1,000 warm-up queries); PG_PORT the server.

@main
struct PostgresQueryBench {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let count = Int(environment["QUERIES"] ?? "") ?? 20_000
        let client = PostgresClient(configuration: .init(
            host: "127.0.0.1", port: Int(environment["PG_PORT"] ?? "") ?? 5432, username: "postgres", password: nil,
            database: "postgres", tls: .disable
        ))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            for _ in 0..<1_000 { try await selectOne(client) }
            var samples: [Int64] = []
            samples.reserveCapacity(count)
            let clock = ContinuousClock()
            for _ in 0..<count {
                let elapsed = try await clock.measure { try await selectOne(client) }
                samples.append(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
            }
            group.cancelAll()
            samples.sort()
            var usage = rusage()
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            let mean = samples.reduce(0, +) / Int64(samples.count)
            print("{\"p50_ns\": \(samples[samples.count / 2]), \"mean_ns\": \(mean), \"max_rss_kb\": \(usage.ru_maxrss)}")
        }
    }

    static func selectOne(_ client: PostgresClient) async throws {
        for try await _ in try await client.query("SELECT 1") {}
    }
}

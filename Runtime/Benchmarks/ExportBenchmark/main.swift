import AllocationCounter
import Foundation
import InstSwiftOTel
import InstSwiftRuntime
import Tracing

// Sustained export: spans made through instswift's bootstrap (swift-otel's batch processor and OTLP/HTTP exporter,
// configured by the usual OTEL_* variables) at a fixed rate for a fixed time. Prints what it produced, the rate it kept
// and its peak memory; scripts/bench_export.py runs it against a loopback receiver and counts what arrived.
//
// Usage: instswift-export-benchmark [spans-per-second (100000)] [seconds (5)] [attributes per span (1)]
// BENCH_HAND_WRITTEN=1 makes the spans with swift-distributed-tracing's `withSpan` instead of `InstSwift.span`, through
// the same tracer. scripts/bench_span_cost.py runs it under each sampler and exporter setting.

let arguments = CommandLine.arguments.dropFirst()
let rate = arguments.first.flatMap(Int.init) ?? 100_000
let seconds = arguments.dropFirst().first.flatMap(Double.init) ?? 5
let attributeCount = arguments.dropFirst(2).first.flatMap(Int.init) ?? 1
let handWritten = ProcessInfo.processInfo.environment["BENCH_HAND_WRITTEN"] == "1"
/// BENCH_CHILDREN=n: each span made counts as a request span with n child spans inside it (n + 1 spans in all).
let children = ProcessInfo.processInfo.environment["BENCH_CHILDREN"].flatMap(Int.init) ?? 0

func residentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kib / 1024
}

func peakMiB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// The span's attributes: `attributeCount` of them (computed only for a span that records).
@inline(never) func describe(_ index: Int, on span: any Span) {
    InstSwift.record("bench.index", index, on: span)
    guard attributeCount > 1 else { return }
    InstSwift.record("bench.route", "/items/:id", on: span)
    InstSwift.record("bench.method", "GET", on: span)
    InstSwift.record("bench.status", 200, on: span)
    InstSwift.record("bench.peer", "10.0.0.\(index & 255)", on: span)
}

@inline(never) func handle(_ index: Int) -> Int {
    guard children == 0 else {
        return InstSwift.span("bench.request", kind: .server) { _ in
            var sum = 0
            for child in 0..<children { sum &+= InstSwift.span("bench.step") { _ in (index &+ child) &* 31 } }
            return sum
        }
    }
    if handWritten {
        return withSpan("bench.request", ofKind: .server) { span in
            if attributeCount > 0, span.isRecording { describe(index, on: span) }
            return index &* 31
        }
    }
    if attributeCount == 0 { return InstSwift.span("bench.request", kind: .server) { _ in index &* 31 } }
    return InstSwift.span("bench.request", kind: .server, attributes: { span in describe(index, on: span) }) { _ in index &* 31 }
}

InstSwiftOTel.bootstrapIfNeeded()
let start = ContinuousClock.now
// Paced in 20 ms steps: each step makes its spans back to back (so a step's first span paying for caches the sleep
// left cold is spread over the step), then sleeps until the next step is due.
let chunk = max(1, rate / 50)
var produced = 0
var sink = 0
var residentSamples: [Double] = []
var perSpanNanoseconds: [Double] = []  // the producing code's cost per span, per step
var perSpanAllocations: [Double] = []  // heap allocations per span on the producing thread, per step
var behind = Duration.zero
while true {
    let elapsed = ContinuousClock.now - start
    if elapsed >= .seconds(seconds) { break }
    let due = Int(Double(rate) * (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)) + chunk
    let chunkStart = ContinuousClock.now
    let chunkAllocations = bench_thread_allocations()
    let chunkFirst = produced
    while produced < due {
        sink &+= handle(produced)
        produced += 1 + children
    }
    if produced > chunkFirst {
        let spent = ContinuousClock.now - chunkStart
        let count = Double(produced - chunkFirst)
        perSpanNanoseconds.append((Double(spent.components.seconds) * 1e9 + Double(spent.components.attoseconds) / 1e9) / count)
        perSpanAllocations.append(Double(bench_thread_allocations() - chunkAllocations) / count)
    }
    if residentSamples.count < Int(elapsed.components.seconds) + 1 { residentSamples.append(residentMiB()) }
    let next = start + .microseconds(Int64(Double(produced) / Double(rate) * 1_000_000))
    let now = ContinuousClock.now
    if next > now { Thread.sleep(forTimeInterval: Double((next - now).components.attoseconds) / 1e18) } else { behind = now - next }
}
let produceTime = ContinuousClock.now - start
let produceSeconds = Double(produceTime.components.seconds) + Double(produceTime.components.attoseconds) / 1e18
let flushStart = ContinuousClock.now
InstSwiftOTel.shutdown()
let flushTime = ContinuousClock.now - flushStart
print("produced \(produced)")
print(String(format: "rate %.0f spans/s (asked %d), behind schedule at the end %.1f ms", Double(produced) / produceSeconds, rate,
             Double(behind.components.attoseconds) / 1e15 + Double(behind.components.seconds) * 1000))
print(String(format: "flush at exit %.0f ms", Double(flushTime.components.attoseconds) / 1e15 + Double(flushTime.components.seconds) * 1000))
print(String(format: "resident MiB over time: %@", residentSamples.map { String(format: "%.0f", $0) }.joined(separator: " ")))
print(String(format: "peak memory %.0f MiB", peakMiB()))
let sortedCosts = perSpanNanoseconds.sorted()
if !sortedCosts.isEmpty {
    print(String(format: "producer ns per span: median %.0f, p99 %.0f, max %.0f", sortedCosts[sortedCosts.count / 2],
                 sortedCosts[min(sortedCosts.count - 1, sortedCosts.count * 99 / 100)], sortedCosts.last!))
    print(String(format: "producer allocations per span: median %.1f", perSpanAllocations.sorted()[perSpanAllocations.count / 2]))
}
if sink == 42 { print("") }

import Dispatch
import Foundation
import InstSwiftRuntime
import Synchronization
import Tracing

/// Hands ended spans to swift-otel in batches: once per export interval, or as soon as a batch is full.
///
/// swift-otel's batch processor exports whatever it holds at each tick of its timer and has no other way to know a
/// batch is worth sending: with a long delay it keeps up only with batch size / delay spans per second and loses the
/// rest uncounted when its queue fills (measured: 0.3-0.7% of 50k spans/s at 250 ms and 1 s); with the short delay that
/// keeps up (50 ms), a service that ends fewer spans than that sends one export per span or two — an HTTP request, its
/// protobuf and a few thread wake-ups each, which doubled the client CPU of a streamed model call in
/// scripts/bench-genai.sh. So swift-otel keeps its short tick, and the ends reach it here: a span that ends waits (its
/// end time already taken) until the interval passes or `batchSize` spans wait, and then they all end together — one
/// export per interval at a low rate, batches as large as swift-otel sends at a high one. What waits is bounded by
/// ``SpanAdmission`` (a waiting span keeps its token) and by `batchSize`.
final class SpanEndBatching: Sendable {
    /// The longest a span's end waits (the export interval seen from outside).
    let interval: Duration
    /// Ends that are handed on at once, without waiting for the interval.
    let batchSize: Int

    private struct Waiting: Sendable {
        var ends: [WaitingEnd] = []
        var flushScheduled = false
        var stopped = false
    }

    private struct WaitingEnd: Sendable {
        let span: any Tracing.Span
        let end: EndInstant
    }

    private let waiting = Mutex(Waiting())
    private let queue = DispatchQueue(label: "instswift.span-ends", qos: .utility)
    /// Dispatch sources are thread-safe; the type does not say so.
    private nonisolated(unsafe) let timer: any DispatchSourceTimer

    init(interval: Duration, batchSize: Int) {
        self.interval = interval
        self.batchSize = max(1, batchSize)
        timer = DispatchSource.makeTimerSource(queue: queue)
        let nanoseconds = Int(min(interval / .nanoseconds(1), Double(Int.max / 2)))
        timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds), leeway: .milliseconds(10))
        timer.setEventHandler { [weak self] in self?.flush() }
        timer.resume()
    }

    deinit { timer.cancel() }

    /// Ends `span` at `instant` now, or with the next batch.
    func end<Instant: TracerInstant>(_ span: some Tracing.Span, at instant: Instant) {
        let end = EndInstant(nanosecondsSinceEpoch: instant.nanosecondsSinceEpoch)
        let (now, flushNow) = waiting.withLock { waiting -> (Bool, Bool) in
            guard !waiting.stopped else { return (true, false) }
            waiting.ends.append(WaitingEnd(span: span, end: end))
            guard waiting.ends.count >= batchSize, !waiting.flushScheduled else { return (false, false) }
            waiting.flushScheduled = true
            return (false, true)
        }
        if now { InstSwift.withoutTracing { span.end(at: end) } }
        if flushNow { queue.async { self.flush() } }
    }

    /// Ends every waiting span.
    func flush() {
        let ends = waiting.withLock { waiting in
            waiting.flushScheduled = false
            return waiting.ends.take()
        }
        // Ending a span runs swift-otel's code, and what it reaches a rule may instrument: not traced (as a call into the
        // tracer), or a span ended here would start others, and take the locks swift-otel holds while it ends one.
        InstSwift.withoutTracing {
            for waiting in ends { waiting.span.end(at: waiting.end) }
        }
    }

    /// Ends every waiting span and every later one at once (the process is exiting).
    func stop() {
        waiting.withLock { $0.stopped = true }
        timer.cancel()
        flush()
    }
}

extension Array {
    /// The elements, leaving the array empty with its capacity kept.
    fileprivate mutating func take() -> [Element] {
        var taken: [Element] = []
        taken.reserveCapacity(count)
        swap(&taken, &self)
        return taken
    }
}

/// A span's end time, kept while the end waits.
struct EndInstant: TracerInstant {
    let nanosecondsSinceEpoch: UInt64

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch }
}

/// How often spans are exported: `OTEL_BSP_SCHEDULE_DELAY` (validated by ``EnvironmentCheck``), else 1 s, is the
/// export interval of ``SpanEndBatching``; swift-otel's own delay stays at most 50 ms, so that it keeps up with the
/// batches it is handed.
struct ExportCadence {
    let exportInterval: Duration
    let processorTick: Duration
    let batchSize: Int

    init(environment: [String: String]) {
        let milliseconds = environment[EnvironmentCheck.scheduleDelay].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        exportInterval = milliseconds.map { .milliseconds($0) } ?? InstSwiftOTelDefaults.exportInterval
        processorTick = min(exportInterval, InstSwiftOTelDefaults.scheduleDelay)
        batchSize =
            environment[EnvironmentCheck.maxExportBatchSize].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            ?? InstSwiftOTelDefaults.maxExportBatchSize
    }

    /// Whether ends wait at all: not when the interval is no longer than swift-otel's tick.
    var batchesEnds: Bool { exportInterval > processorTick }

    /// Runs `body` (which makes swift-otel's backend) with `OTEL_BSP_SCHEDULE_DELAY` set to swift-otel's tick, as
    /// swift-otel reads the variable over the configuration; the user's value is put back after.
    func whileSwiftOTelReadsTheEnvironment<T>(_ body: () throws -> T) rethrows -> T {
        let key = EnvironmentCheck.scheduleDelay
        let userValue = getenv(key).map { String(cString: $0) }
        setenv(key, String(Int(processorTick / .milliseconds(1))), 1)
        defer {
            if let userValue { setenv(key, userValue, 1) } else { unsetenv(key) }
        }
        return try body()
    }
}

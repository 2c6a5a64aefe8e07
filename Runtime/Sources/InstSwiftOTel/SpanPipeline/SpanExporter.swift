import Foundation
import InstSwiftRuntime
import Synchronization

/// The one thread that takes ended spans from the ``SpanExportQueue`` and delivers them to its ``SpanSink`` (the
/// collector, or the trace file): every export interval (`OTEL_BSP_SCHEDULE_DELAY`), or as soon as a batch
/// (`OTEL_BSP_MAX_EXPORT_BATCH_SIZE`) waits. A delivery waits at most the export timeout
/// (`OTEL_EXPORTER_OTLP_TIMEOUT`); what the sink does not take (a collector down, stalled or refusing; a full disk) is
/// dropped and counted after at most one retry, so a missing collector costs the app nothing but the spans.
final class SpanExporter: Sendable {
    let queue: SpanExportQueue
    let sink: any SpanSink
    private let interval: Duration
    private let timeout: Duration

    private struct Control: Sendable {
        var requestedFlush = 0
        var completedFlush = 0
        var stopping = false
        /// When stopping: the moment by which every export must have ended.
        var deadline: ContinuousClock.Instant?
        /// The flush that stops the thread, once asked for.
        var stopFlush: Int?
        var exited = false
        var failing = false
    }

    private let control = Mutex(Control())
    /// Broadcast when a flush completes.
    private let flushed = NSCondition()

    init(queue: SpanExportQueue, sink: any SpanSink, interval: Duration, timeout: Duration) {
        self.queue = queue
        self.sink = sink
        self.interval = interval
        self.timeout = timeout
    }

    /// Spans of batches the sink did not take, so far.
    var failedSpans: Int { sink.failures.count }

    /// Starts the exporter thread. Code it runs is never traced (it is the tracer's own work).
    func start() {
        let thread = Thread { [self] in InstSwift.withoutTracing { run() } }
        thread.name = "instswift-span-exporter"
        thread.start()
    }

    private func run() {
        let intervalNanoseconds = Int(min(interval / .nanoseconds(1), Double(Int.max / 2)))
        while true {
            _ = queue.wake.wait(timeout: .now() + .nanoseconds(intervalNanoseconds))
            let (flush, stopping) = control.withLock { ($0.requestedFlush, $0.stopping) }
            exportWaitingSpans()
            flushed.lock()
            control.withLock { state in
                state.completedFlush = max(state.completedFlush, flush)
                state.exited = stopping
            }
            flushed.broadcast()
            flushed.unlock()
            if stopping { return }
        }
    }

    /// Exports the spans waiting now, in batches (spans that end meanwhile wait for the next round).
    private func exportWaitingSpans() {
        var remaining = queue.count
        while remaining > 0 {
            let batch = queue.takeBatch()
            if batch.isEmpty { return }
            remaining -= batch.count
            export(batch)
        }
    }

    private func export(_ batch: [SpanRecord]) {
        let encoded = sink.encode(batch)
        for attempt in 0..<2 {
            let deadline = requestDeadline()
            switch sink.deliver(encoded, deadline: deadline) {
            case .accepted:
                let recovered = control.withLock { state in
                    defer { state.failing = false }
                    return state.failing
                }
                if recovered { Self.say(sink.recoveryMessage) }
                return
            case .failed(let reason, let retryable):
                let stopping = control.withLock { $0.stopping }
                if attempt == 0, retryable, !stopping, ContinuousClock.now + .milliseconds(200) < deadline {
                    Thread.sleep(forTimeInterval: 0.1)
                    continue
                }
                control.withLock { $0.failing = true }
                sink.failures.record(batch.count, firstWarning: sink.failureWarning(reason))
                return
            }
        }
    }

    private func requestDeadline() -> ContinuousClock.Instant {
        let own = ContinuousClock.now + timeout
        guard let stop = control.withLock({ $0.deadline }) else { return own }
        return min(own, stop)
    }

    /// Exports every span that ended before the call, waiting at most the export timeout.
    func flush() {
        wait(
            for: control.withLock { state in
                state.requestedFlush += 1
                return state.requestedFlush
            }, until: ContinuousClock.now + timeout)
    }

    /// Exports what waits and stops the thread, returning by `deadline` at the latest (the process is exiting).
    func shutdown(deadline: ContinuousClock.Instant) {
        let (flush, first) = control.withLock { state -> (Int, Bool) in
            if let stop = state.stopFlush { return (stop, false) }
            state.stopping = true
            state.deadline = deadline
            state.requestedFlush += 1
            state.stopFlush = state.requestedFlush
            return (state.requestedFlush, true)
        }
        wait(for: flush, until: deadline)
        if first {
            sink.failures.reportAtExit()
            queue.drops.reportAtExit()
        }
    }

    private func wait(for flush: Int, until deadline: ContinuousClock.Instant) {
        queue.wake.signal()
        flushed.lock()
        defer { flushed.unlock() }
        while control.withLock({ $0.completedFlush < flush && !$0.exited }) {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return }
            _ = flushed.wait(until: Date(timeIntervalSinceNow: left / .seconds(1)))
        }
    }

    private static func say(_ message: String) {
        FileHandle.standardError.write(Data("instswift: \(message)\n".utf8))
    }
}

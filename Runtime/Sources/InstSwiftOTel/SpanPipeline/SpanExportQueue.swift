import Dispatch
import Synchronization

/// The ended spans waiting for the exporter thread, at most `capacity` of them (`OTEL_BSP_MAX_QUEUE_SIZE`): a span that
/// ends when the queue is full is dropped and counted, so memory stays bounded at any span rate and the producing code
/// never waits. The exporter thread is woken when a batch is ready; otherwise it comes every export interval.
final class SpanExportQueue: Sendable {
    let capacity: Int
    let batchSize: Int
    let drops = DroppedSpans.queueFull()

    private struct Waiting: Sendable {
        var spans: [SpanRecord] = []
        var wakeSignalled = false
    }

    private let waiting = Mutex(Waiting())
    /// Signalled once per ready batch (and by a flush); the exporter thread waits on it.
    let wake = DispatchSemaphore(value: 0)

    init(capacity: Int, batchSize: Int) {
        self.capacity = max(1, capacity)
        self.batchSize = max(1, min(batchSize, capacity))
    }

    func enqueue(_ span: SpanRecord) {
        let (kept, wakeExporter) = waiting.withLock { waiting -> (Bool, Bool) in
            guard waiting.spans.count < capacity else { return (false, false) }
            if waiting.spans.isEmpty { waiting.spans.reserveCapacity(batchSize) }
            waiting.spans.append(span)
            guard waiting.spans.count >= batchSize, !waiting.wakeSignalled else { return (true, false) }
            waiting.wakeSignalled = true
            return (true, true)
        }
        if wakeExporter { wake.signal() }
        if !kept {
            drops.record(
                firstWarning: """
                    spans end faster than the exporter sends them (\(capacity) waiting); dropping the excess to keep memory \
                    bounded (counted in otel.sdk.processor.span.processed{error.type=queue_full}; OTEL_BSP_MAX_QUEUE_SIZE \
                    raises the limit, OTEL_TRACES_SAMPLER_ARG samples fewer)
                    """)
        }
    }

    /// Up to `batchSize` of the waiting spans, oldest first; empty when none wait.
    func takeBatch() -> [SpanRecord] {
        waiting.withLock { waiting in
            waiting.wakeSignalled = false
            guard waiting.spans.count > batchSize else {
                var taken: [SpanRecord] = []
                swap(&taken, &waiting.spans)
                return taken
            }
            let batch = Array(waiting.spans.prefix(batchSize))
            waiting.spans.removeFirst(batchSize)
            return batch
        }
    }

    var count: Int { waiting.withLock { $0.spans.count } }
}

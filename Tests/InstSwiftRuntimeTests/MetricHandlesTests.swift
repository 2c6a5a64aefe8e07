import CoreMetrics
@testable import InstSwiftRuntime
import Synchronization
import Testing

/// The runtime keeps the swift-metrics handles it records into, so a series' handle is made once per backend.
@Suite struct MetricHandlesTests {
    /// Counts the handles it makes.
    final class CountingFactory: MetricsFactory, Sendable {
        let made = Mutex(0)

        func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler { made.withLock { $0 += 1 }; return Handler() }
        func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
            made.withLock { $0 += 1 }
            return Handler()
        }
        func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler { Handler() }
        func destroyCounter(_ handler: any CounterHandler) {}
        func destroyRecorder(_ handler: any RecorderHandler) {}
        func destroyTimer(_ handler: any TimerHandler) {}

        final class Handler: CounterHandler, RecorderHandler, TimerHandler, Sendable {
            func increment(by: Int64) {}
            func reset() {}
            func record(_ value: Int64) {}
            func record(_ value: Double) {}
            func recordNanoseconds(_ duration: Int64) {}
        }
    }

    @Test func aSeriesHandleIsMadeOncePerBackend() {
        let factory = CountingFactory()
        let source = Int.random(in: 1_000_000...2_000_000)
        let dimensions = [("gen_ai.request.model", "gpt-4o"), ("unit", "s")]
        let first = MetricHandles.recorder("gen_ai.client.operation.duration", dimensions, from: (factory, source))
        let again = MetricHandles.recorder("gen_ai.client.operation.duration", dimensions, from: (factory, source))
        #expect(first === again)
        #expect(factory.made.withLock { $0 } == 1)
        // Another model is another series; a label and dimensions never run together into one key.
        _ = MetricHandles.recorder("gen_ai.client.operation.duration", [("gen_ai.request.model", "gpt-4o-mini"), ("unit", "s")], from: (factory, source))
        #expect(MetricHandles.key("a", [("b", "c")]) != MetricHandles.key("ab", [("", "c")]))
        _ = MetricHandles.counter("gen_ai.client.inference.usage.input_tokens", dimensions, from: (factory, source))
        #expect(factory.made.withLock { $0 } == 3)
        // Another backend gets handles of its own.
        let next = CountingFactory()
        let other = MetricHandles.recorder("gen_ai.client.operation.duration", dimensions, from: (next, source + 1))
        #expect(other !== first && next.made.withLock { $0 } == 1)
    }
}

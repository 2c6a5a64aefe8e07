import CoreMetrics
import Synchronization

/// The swift-metrics handles the runtime records into, kept by label and dimensions. Making a handle asks the metrics
/// backend's registry (swift-otel: a lock, and a lookup of the label and every dimension), which was a quarter of the
/// GenAI observation's CPU in `scripts/bench-genai.sh`; a service records few distinct series, so their handles are kept
/// — at most ``limit``, for the factory that made them (``InstSwiftMetrics/current``: swift-otel's factory is a struct,
/// so it is told apart by where it came from).
enum MetricHandles {
    /// How many handles are kept; beyond it they are all let go and made again.
    static let limit = 1024

    private struct Kept {
        var source: Int?
        var recorders: [String: Recorder] = [:]
        var counters: [String: Counter] = [:]
    }

    private static let kept = Mutex(Kept())

    /// The histogram `label` with `dimensions` (in the order given), from `factory`.
    static func recorder(_ label: String, _ dimensions: [(String, String)], from factory: (factory: any MetricsFactory, source: Int)) -> Recorder {
        handle(Self.key(label, dimensions), source: factory.source, \.recorders) {
            Recorder(label: label, dimensions: dimensions, factory: factory.factory)
        }
    }

    /// The counter `label` with `dimensions` (in the order given), from `factory`.
    static func counter(_ label: String, _ dimensions: [(String, String)], from factory: (factory: any MetricsFactory, source: Int)) -> Counter {
        handle(Self.key(label, dimensions), source: factory.source, \.counters) {
            Counter(label: label, dimensions: dimensions, factory: factory.factory)
        }
    }

    /// The handle kept under `key` in `handles`, or a new one from `make`, kept (made outside the lock: the backend
    /// takes locks of its own).
    private static func handle<Handle: Sendable>(
        _ key: String, source: Int, _ handles: WritableKeyPath<Kept, [String: Handle]> & Sendable, make: () -> Handle
    ) -> Handle {
        if let handle = kept.withLock({ $0.source == source ? $0[keyPath: handles][key] : nil }) { return handle }
        let handle = make()
        kept.withLock { kept in
            keep(from: source, &kept)
            kept[keyPath: handles][key] = handle
        }
        return handle
    }

    /// Starts over when the factory changed or the limit is reached.
    private static func keep(from source: Int, _ kept: inout Kept) {
        if kept.source != source || kept.recorders.count + kept.counters.count >= limit {
            kept = Kept(source: source)
        }
    }

    /// One string for the label and every dimension (unit separators between them, which labels do not hold).
    static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        var key = label
        for (name, value) in dimensions {
            key += "\u{1F}"
            key += name
            key += "\u{1E}"
            key += value
        }
        return key
    }
}

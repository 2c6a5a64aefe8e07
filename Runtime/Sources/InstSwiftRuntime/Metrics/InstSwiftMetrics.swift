public import CoreMetrics
import Synchronization

/// Where the runtime's metrics go. An app that bootstrapped swift-metrics itself (Prometheus, its own OpenTelemetry
/// setup) keeps its backend and gets them there; otherwise they go to the OTLP exporter `InstSwiftOTel` registers.
/// The runtime never calls `MetricsSystem.bootstrap`, so an app that bootstraps swift-metrics after instswift's
/// zero-code bootstrap does not trap on a second bootstrap.
public enum InstSwiftMetrics {
    /// The registered factory, and how many were registered (which tells one registration from the next).
    private static let registered = Mutex<(factory: (any MetricsFactory)?, count: Int)>((nil, 0))

    /// Registers the factory metrics go to when the app has no swift-metrics backend of its own.
    public static func register(_ factory: any MetricsFactory) {
        registered.withLock { $0 = (factory, $0.count + 1) }
    }

    /// The factory to record into now, or nil when no metrics backend exists.
    public static var currentFactory: (any MetricsFactory)? { current?.factory }

    /// The factory to record into now and which one it is (n > 0: the n-th registered one; otherwise the app's own
    /// backend: its object's address when it is a class — a test may bootstrap swift-metrics again — or 0), or nil when
    /// no metrics backend exists.
    static var current: (factory: any MetricsFactory, source: Int)? {
        let global = MetricsSystem.factory
        if !(global is NOOPMetricsHandler) {
            return (global, type(of: global) is AnyClass ? -abs(ObjectIdentifier(global as AnyObject).hashValue) : 0)
        }
        return registered.withLock { registered in registered.factory.map { ($0, registered.count) } }
    }

    /// Records `value` into the histogram `name` (a swift-metrics `Recorder`), when a metrics backend exists.
    public static func recordHistogram(_ name: String, _ value: Double, unit: String, dimensions: [String: String]) {
        guard let current else { return }
        let sorted = dimensions.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        MetricHandles.recorder(name, sorted + [("unit", unit)], from: current).record(value)
    }

    /// The conventions' bucket advice for MCP operation and session durations (seconds).
    static let mcpDurationBuckets: [Double] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300]

    /// Explicit histogram bucket bounds per metric name, as the conventions advise, for the exporter's configuration.
    public static var histogramBuckets: [String: [Double]] {
        var buckets: [String: [Double]] = [:]
        for side in ["client", "server"] {
            for measure in ["operation", "session"] { buckets["mcp.\(side).\(measure).duration"] = mcpDurationBuckets }
        }
        for names in [GenAIMetricNames.v1_41, GenAIMetricNames.latest] {
            for name in [names.duration, names.timeToFirstChunk, names.timePerOutputChunk] { buckets[name] = GenAIMetrics.durationBuckets }
            if let tokens = names.tokenUsageHistogram { buckets[tokens] = GenAIMetrics.tokenBuckets }
        }
        return buckets
    }
}

extension InstSwift {
    /// Records a value into a histogram of the runtime's metrics (nothing when no metrics backend exists); the same
    /// call as in modules that reach the runtime at link time.
    public static func recordHistogram(_ name: String, _ value: Double, unit: String, dimensions: [String: String]) {
        InstSwiftMetrics.recordHistogram(name, value, unit: unit, dimensions: dimensions)
    }
}

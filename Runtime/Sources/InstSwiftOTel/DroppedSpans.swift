import CoreMetrics
import Foundation
import InstSwiftRuntime
import Synchronization

/// Spans the runtime let go (refused at admission or by a full export queue, to keep memory bounded; or in an export
/// that failed): counted, said once on standard error, totalled at exit, and counted in an OpenTelemetry SDK
/// self-metric when metrics are exported.
final class DroppedSpans: Sendable {
    private let counted = Atomic<Int>(0)
    private let metric = Mutex<Counter?>(nil)
    private let metricName: String
    private let dimensions: [(String, String)]
    private let atExit: String

    /// Spans a full queue refused: `otel.sdk.processor.span.processed` with `error.type=queue_full`.
    static func queueFull() -> DroppedSpans {
        DroppedSpans(
            metricName: "otel.sdk.processor.span.processed",
            dimensions: [
                ("unit", "{span}"), ("error.type", "queue_full"), ("otel.component.type", "batching_span_processor"),
                ("otel.component.name", "batching_span_processor/0"),
            ],
            atExit: "because the exporter could not keep up")
    }

    /// Spans of exports the collector did not accept: `otel.sdk.exporter.span.exported` with `error.type=export_failed`.
    static func exportFailed() -> DroppedSpans {
        DroppedSpans(
            metricName: "otel.sdk.exporter.span.exported",
            dimensions: [
                ("unit", "{span}"), ("error.type", "export_failed"), ("otel.component.type", "otlp_http_span_exporter"),
                ("otel.component.name", "otlp_http_span_exporter/0"),
            ],
            atExit: "because the collector did not accept them")
    }

    /// Spans the trace file could not take (disk full, a path that takes no writes). No OTLP exporter is involved, so
    /// the self-metric names the file exporter.
    static func writeFailed() -> DroppedSpans {
        DroppedSpans(
            metricName: "otel.sdk.exporter.span.exported",
            dimensions: [
                ("unit", "{span}"), ("error.type", "write_failed"), ("otel.component.type", "instswift_trace_file_exporter"),
                ("otel.component.name", "instswift_trace_file_exporter/0"),
            ],
            atExit: "because the trace file could not be written")
    }

    private init(metricName: String, dimensions: [(String, String)], atExit: String) {
        self.metricName = metricName
        self.dimensions = dimensions
        self.atExit = atExit
    }

    var count: Int { counted.load(ordering: .relaxed) }

    /// Counts `spans` dropped spans; `firstWarning` is written (after `instswift: `) the first time any is.
    func record(_ spans: Int = 1, firstWarning: @autoclosure () -> String) {
        guard spans > 0 else { return }
        if counted.wrappingAdd(spans, ordering: .relaxed).oldValue == 0 {
            FileHandle.standardError.write(Data("instswift: \(firstWarning())\n".utf8))
        }
        metric.withLock { counter in
            if counter == nil, let factory = InstSwiftMetrics.currentFactory {
                counter = Counter(label: metricName, dimensions: dimensions, factory: factory)
            }
            counter?.increment(by: spans)
        }
    }

    /// Says at exit how many spans were dropped, if any.
    func reportAtExit() {
        let total = count
        guard total > 0 else { return }
        FileHandle.standardError.write(Data("instswift: \(total) span(s) were dropped \(atExit)\n".utf8))
    }
}

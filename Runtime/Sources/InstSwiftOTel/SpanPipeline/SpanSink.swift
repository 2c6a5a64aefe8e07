/// Where the ``SpanExporter`` thread delivers batches of ended spans: an OTLP collector (``OTLPHTTPSink``) or the trace
/// file (``TraceFileSink``). Only the exporter thread delivers.
protocol SpanSink: Sendable {
    /// Counts the spans of batches that could not be delivered (an OpenTelemetry SDK self-metric).
    var failures: DroppedSpans { get }
    /// `batch` in the sink's wire or file format, made once per batch (a retry delivers the same bytes).
    func encode(_ batch: [SpanRecord]) -> [UInt8]
    /// Delivers an encoded batch by `deadline`.
    func deliver(_ encoded: [UInt8], deadline: ContinuousClock.Instant) -> SpanDelivery
    /// What is said, once, when a batch could not be delivered (after `instswift: `).
    func failureWarning(_ reason: String) -> String
    /// What is said when delivery works again after failing.
    var recoveryMessage: String { get }
}

/// Whether a batch reached its sink.
enum SpanDelivery: Equatable, Sendable {
    case accepted
    /// `retryable`: the sink may take it a moment later (a collector with no connection, a timeout, 429, 502, 503, 504).
    case failed(reason: String, retryable: Bool)
}

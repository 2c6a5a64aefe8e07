/// Batches encoded as OTLP protobuf and posted to the collector over one kept-alive connection.
final class OTLPHTTPSink: SpanSink {
    let endpoint: OTLPEndpoint
    let failures = DroppedSpans.exportFailed()
    private let encoder: OTLPTraceEncoder
    /// Only the exporter thread posts through it.
    private nonisolated(unsafe) let transport: OTLPHTTPTransport

    init(endpoint: OTLPEndpoint, encoder: OTLPTraceEncoder) {
        self.endpoint = endpoint
        self.encoder = encoder
        transport = OTLPHTTPTransport(endpoint: endpoint)
    }

    func encode(_ batch: [SpanRecord]) -> [UInt8] { encoder.encode(batch) }

    func deliver(_ encoded: [UInt8], deadline: ContinuousClock.Instant) -> SpanDelivery {
        transport.post(encoded, deadline: deadline)
    }

    func failureWarning(_ reason: String) -> String {
        """
        cannot export spans to \(endpoint.description): \(reason); dropping them until the collector accepts them \
        (counted in otel.sdk.exporter.span.exported{error.type=export_failed})
        """
    }

    var recoveryMessage: String { "exporting spans to \(endpoint.description) again" }
}

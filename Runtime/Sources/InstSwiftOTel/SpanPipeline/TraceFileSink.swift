/// Batches written as OTLP/JSON lines to the trace file (the collector's file format, one `ExportTraceServiceRequest`
/// per span), the embedded default when no collector is configured. `instswift traces` prints the file as a tree.
final class TraceFileSink: SpanSink {
    let file: TraceFile
    let failures = DroppedSpans.writeFailed()
    private let resource: [(key: String, value: String)]
    private let limits: SpanLimits

    init(file: TraceFile, resource: [(key: String, value: String)], limits: SpanLimits) {
        self.file = file
        self.resource = resource
        self.limits = limits
    }

    func encode(_ batch: [SpanRecord]) -> [UInt8] {
        var text = ""
        for record in batch { OTLPJSON.append(FinishedSpan(record, within: limits), resource: resource, to: &text) }
        return Array(text.utf8)
    }

    func deliver(_ encoded: [UInt8], deadline: ContinuousClock.Instant) -> SpanDelivery {
        if let failure = file.write(encoded) { return .failed(reason: failure, retryable: false) }
        return .accepted
    }

    func failureWarning(_ reason: String) -> String { file.failureWarning(reason) }

    var recoveryMessage: String { "writing spans to \(file.path) again" }
}

extension FinishedSpan {
    /// What the trace file keeps of a pipeline span: all but its links (the file's reader draws trees, not links), within
    /// the span limits.
    init(_ record: SpanRecord, within limits: SpanLimits) {
        func hex(_ id: UInt64) -> String {
            var bytes: [UInt8] = []
            Hex.append(id, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        self.init(
            traceID: record.identity.traceIDHex, spanID: hex(record.identity.spanID),
            parentSpanID: record.parentSpanID == 0 ? nil : hex(record.parentSpanID), name: record.name, kind: record.kind,
            start: record.startNanoseconds, end: record.endNanoseconds, attributes: limits.applied(to: record.attributes),
            status: record.status,
            events: record.events.prefix(limits.eventCount).map { event in
                var event = event
                event.attributes = limits.applied(to: event.attributes)
                return event
            })
    }
}

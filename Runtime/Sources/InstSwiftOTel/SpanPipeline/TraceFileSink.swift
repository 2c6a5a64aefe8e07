/// Batches written as OTLP/JSON lines to the trace file (the collector's file format, one `ExportTraceServiceRequest`
/// per span), the embedded default when no collector is configured. `instswift traces` prints the file as a tree.
final class TraceFileSink: SpanSink {
    let file: TraceFile
    let failures = DroppedSpans.writeFailed()
    private let resource: [(key: String, value: String)]

    init(file: TraceFile, resource: [(key: String, value: String)]) {
        self.file = file
        self.resource = resource
    }

    func deliver(_ batch: [SpanRecord], deadline: ContinuousClock.Instant) -> SpanDelivery {
        var text = ""
        for record in batch { OTLPJSON.append(FinishedSpan(record), resource: resource, to: &text) }
        if let failure = file.write(Array(text.utf8)) { return .failed(reason: failure, retryable: false) }
        return .accepted
    }

    func failureWarning(_ reason: String) -> String { file.failureWarning(reason) }

    var recoveryMessage: String { "writing spans to \(file.path) again" }
}

extension FinishedSpan {
    /// What the trace file keeps of a pipeline span: all but its links (the file's reader draws trees, not links).
    init(_ record: SpanRecord) {
        func hex(_ id: UInt64) -> String {
            var bytes: [UInt8] = []
            Hex.append(id, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        self.init(
            traceID: record.identity.traceIDHex, spanID: hex(record.identity.spanID),
            parentSpanID: record.parentSpanID == 0 ? nil : hex(record.parentSpanID), name: record.name, kind: record.kind,
            start: record.startNanoseconds, end: record.endNanoseconds, attributes: record.attributes, status: record.status,
            events: record.events)
    }
}

import Foundation
import Synchronization
import Tracing

/// Writes finished spans as OTLP/JSON lines (one `ExportTraceServiceRequest` per line, the collector's file format).
/// Spans wait in a bounded buffer that a background thread drains, so the app never blocks on the disk; when the
/// buffer is full, spans are dropped and counted.
final class TraceFileRecorder: Sendable {
    static let capacity = 65_536

    private let handle: FileHandle
    private let serviceName: String
    private let buffer = Mutex<(lines: [String], dropped: Int)>(([], 0))
    private let writing = Mutex(())

    init(path: String, serviceName: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        self.serviceName = serviceName
        let thread = Thread { [weak self] in
            while let self {
                self.flush()
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
        thread.name = "instswift-trace-file"
        thread.start()
    }

    func record(_ span: FinishedSpan) {
        let line = OTLPJSON.line(span, serviceName: serviceName)
        buffer.withLock { state in
            if state.lines.count < Self.capacity { state.lines.append(line) } else { state.dropped += 1 }
        }
    }

    /// Writes everything buffered.
    func flush() {
        writing.withLock { _ in
            let lines = buffer.withLock { state in
                defer { state.lines.removeAll(keepingCapacity: true) }
                return state.lines
            }
            guard !lines.isEmpty else { return }
            handle.write(Data(lines.joined().utf8))
        }
    }
}

/// OTLP/JSON encoding of one span (ids in hex, times as decimal strings, as the OTLP/JSON mapping specifies).
enum OTLPJSON {
    static func line(_ span: FinishedSpan, serviceName: String) -> String {
        var fields: [String: Any] = [
            "traceId": span.traceID, "spanId": span.spanID, "name": span.name, "kind": kindNumber(span.kind),
            "startTimeUnixNano": String(span.start), "endTimeUnixNano": String(span.end),
            "attributes": attributes(span.attributes),
        ]
        if let parent = span.parentSpanID { fields["parentSpanId"] = parent }
        if let status = span.status {
            fields["status"] = ["code": status.code == .error ? 2 : 1, "message": status.message ?? ""] as [String: Any]
        }
        let request: [String: Any] = [
            "resourceSpans": [[
                "resource": ["attributes": [["key": "service.name", "value": ["stringValue": serviceName]]]],
                "scopeSpans": [["scope": ["name": "instswift"], "spans": [fields]]],
            ]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: request, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func kindNumber(_ kind: SpanKind) -> Int {
        switch kind {
        case .internal: 1
        case .server: 2
        case .client: 3
        case .producer: 4
        case .consumer: 5
        }
    }

    static func attributes(_ attributes: SpanAttributes) -> [[String: Any]] {
        var result: [[String: Any]] = []
        attributes.forEach { key, value in
            result.append(["key": key, "value": anyValue(value)])
        }
        return result.sorted { ($0["key"] as? String ?? "") < ($1["key"] as? String ?? "") }
    }

    static func anyValue(_ value: SpanAttribute) -> [String: Any] {
        switch value {
        case .int32(let v): ["intValue": String(v)]
        case .int64(let v): ["intValue": String(v)]
        case .double(let v): ["doubleValue": v]
        case .bool(let v): ["boolValue": v]
        case .string(let v): ["stringValue": v]
        case .int32Array(let v): ["arrayValue": ["values": v.map { ["intValue": String($0)] }]]
        case .int64Array(let v): ["arrayValue": ["values": v.map { ["intValue": String($0)] }]]
        case .doubleArray(let v): ["arrayValue": ["values": v.map { ["doubleValue": $0] }]]
        case .boolArray(let v): ["arrayValue": ["values": v.map { ["boolValue": $0] }]]
        case .stringArray(let v): ["arrayValue": ["values": v.map { ["stringValue": $0] }]]
        default: ["stringValue": "\(value)"]
        }
    }
}

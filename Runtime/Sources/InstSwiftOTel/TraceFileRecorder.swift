import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Tracing

/// Writes finished spans as OTLP/JSON lines (one `ExportTraceServiceRequest` per line, the collector's file format).
/// Spans wait in a bounded buffer that a background thread drains, so the app never blocks on the disk; when the
/// buffer is full, or the file cannot be written (disk full, a path that takes no writes), spans are dropped, counted,
/// and the first failure is reported once. Nothing here stops the process.
final class TraceFileRecorder: Sendable {
    static let capacity = 65_536

    private let descriptor: Int32
    private let path: String
    private let serviceName: String
    private let buffer = Mutex<(lines: [String], dropped: Int)>(([], 0))
    private let writing = Mutex<(failures: Int, reported: Bool)>((0, false))

    /// Opens `path` for appending. Only the default location's folder is created: a folder named by
    /// `INSTSWIFT_TRACE_FILE` that does not exist is an error, not something to create wherever the path points.
    init(path: String, serviceName: String, createFolder: Bool) throws(TraceFileError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if createFolder {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TraceFileError(path: path, reason: "its folder \(folder) does not exist")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw TraceFileError(path: path, reason: String(cString: strerror(errno))) }
        self.descriptor = descriptor
        self.path = path
        self.serviceName = serviceName
        let thread = Thread { [weak self] in
            while let recorder = self {
                recorder.flush()
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

    /// Spans dropped so far: the buffer was full, or their write failed.
    var droppedSpans: Int {
        buffer.withLock { $0.dropped } + writing.withLock { $0.failures }
    }

    /// Writes everything buffered; a failed write drops those spans and is reported the first time.
    func flush() {
        writing.withLock { state in
            let lines = buffer.withLock { buffered in
                defer { buffered.lines.removeAll(keepingCapacity: true) }
                return buffered.lines
            }
            guard !lines.isEmpty else { return }
            if let failure = write(Array(lines.joined().utf8)) {
                state.failures += lines.count
                guard !state.reported else { return }
                state.reported = true
                FileHandle.standardError.write(Data(
                    "instswift: cannot write spans to \(path): \(failure); spans are dropped until it can\n".utf8
                ))
            }
        }
    }

    /// Writes all of `bytes`, or returns why it could not.
    private func write(_ bytes: [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            if written == 0 { return "nothing was written" }
            offset += written
        }
        return nil
    }
}

/// Why the trace file cannot be used.
struct TraceFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write spans to \(path): \(reason)" }
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

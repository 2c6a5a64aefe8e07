import Foundation
import InstSwiftRuntime
#if canImport(Glibc)
import Glibc
#endif
import Instrumentation
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
    private let buffer = Mutex<(spans: [EndedSpan], dropped: Int)>(([], 0))
    private let writing = Mutex<(failures: Int, reported: Bool)>((0, false))
    /// Reads a context's trace id, span id and sampled flag (the tracer's propagator); set once, by the tracer.
    typealias IDReader = @Sendable (InstrumentationContext) -> (traceID: String, spanID: String, sampled: Bool)?
    private let idReader = Mutex<IDReader?>(nil)

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
            // The writer's thread is the tracer's: what it runs is not traced.
            InstSwift.withoutTracing {
                while let recorder = self {
                    recorder.flush()
                    Thread.sleep(forTimeInterval: 0.2)
                }
            }
        }
        thread.name = "instswift-trace-file"
        thread.start()
    }

    /// How the ids of recorded spans are read.
    func readIDs(with reader: @escaping IDReader) {
        idReader.withLock { $0 = reader }
    }

    func record(_ span: EndedSpan) {
        // The line is written on the recorder's thread: a span's end costs the producing code an append, not encoding.
        buffer.withLock { state in
            if state.spans.count < Self.capacity { state.spans.append(span) } else { state.dropped += 1 }
        }
    }

    var droppedSpans: Int {
        buffer.withLock { $0.dropped } + writing.withLock { $0.failures }
    }

    /// Writes everything buffered; a failed write drops those spans and is reported the first time.
    func flush() {
        guard let ids = idReader.withLock({ $0 }) else { return }
        writing.withLock { state in
            let spans = buffer.withLock { buffered in
                defer { buffered.spans.removeAll(keepingCapacity: true) }
                return buffered.spans
            }
            guard !spans.isEmpty else { return }
            var text = ""
            for span in spans {
                // A span whose context has no W3C trace context (another propagator alone) cannot be written.
                guard let own = ids(span.context) else { continue }
                let finished = FinishedSpan(
                    traceID: own.traceID, spanID: own.spanID, parentSpanID: ids(span.parent)?.spanID, name: span.name, kind: span.kind,
                    start: span.start, end: span.end, attributes: span.attributes, status: span.status)
                OTLPJSON.append(finished, serviceName: serviceName, to: &text)
            }
            if let failure = write(Array(text.utf8)) {
                state.failures += spans.count
                guard !state.reported else { return }
                state.reported = true
                FileHandle.standardError.write(
                    Data(
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
/// One OTLP/JSON `ExportTraceServiceRequest` per line, written by hand (Foundation's JSONSerialization took ~200 us
/// per span here). Keys are in sorted order, as before.
enum OTLPJSON {
    static func line(_ span: FinishedSpan, serviceName: String) -> String {
        var text = ""
        append(span, serviceName: serviceName, to: &text)
        return text
    }

    static func append(_ span: FinishedSpan, serviceName: String, to out: inout String) {
        out += #"{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"#
        string(serviceName, to: &out)
        out += #"}}]},"scopeSpans":[{"scope":{"name":"instswift"},"spans":[{"attributes":["#
        var pairs: [(String, SpanAttribute)] = []
        span.attributes.forEach { key, value in pairs.append((key, value)) }
        for (index, (key, value)) in pairs.sorted(by: { $0.0 < $1.0 }).enumerated() {
            if index > 0 { out += "," }
            out += #"{"key":"#
            string(key, to: &out)
            out += #","value":"#
            anyValue(value, to: &out)
            out += "}"
        }
        out += #"],"endTimeUnixNano":""# + String(span.end) + #"","kind":"# + String(kindNumber(span.kind)) + #","name":"#
        string(span.name, to: &out)
        if let parent = span.parentSpanID {
            out += #","parentSpanId":"#
            string(parent, to: &out)
        }
        out += #","spanId":"#
        string(span.spanID, to: &out)
        out += #","startTimeUnixNano":""# + String(span.start) + "\""
        if let status = span.status {
            out += #","status":{"code":"# + (status.code == .error ? "2" : "1") + #","message":"#
            string(status.message ?? "", to: &out)
            out += "}"
        }
        out += #","traceId":"#
        string(span.traceID, to: &out)
        out += "}]}]}]}\n"
    }

    /// OTLP's `SpanKind` number (0 is unspecified), for the JSON lines and the pipeline's protobuf alike.
    static func kindNumber(_ kind: SpanKind) -> Int {
        switch kind {
        case .internal: 1
        case .server: 2
        case .client: 3
        case .producer: 4
        case .consumer: 5
        }
    }

    static func anyValue(_ value: SpanAttribute, to out: inout String) {
        switch value {
        case .int32(let v): out += #"{"intValue":""# + String(v) + "\"}"
        case .int64(let v): out += #"{"intValue":""# + String(v) + "\"}"
        case .double(let v): out += #"{"doubleValue":"# + number(v) + "}"
        case .bool(let v): out += #"{"boolValue":"# + (v ? "true" : "false") + "}"
        case .string(let v):
            out += #"{"stringValue":"#
            string(v, to: &out)
            out += "}"
        case .int32Array(let v): array(v.map { #"{"intValue":""# + String($0) + "\"}" }, to: &out)
        case .int64Array(let v): array(v.map { #"{"intValue":""# + String($0) + "\"}" }, to: &out)
        case .doubleArray(let v): array(v.map { #"{"doubleValue":"# + number($0) + "}" }, to: &out)
        case .boolArray(let v): array(v.map { #"{"boolValue":"# + ($0 ? "true" : "false") + "}" }, to: &out)
        case .stringArray(let v):
            array(
                v.map { item in
                    var text = #"{"stringValue":"#
                    string(item, to: &text)
                    return text + "}"
                }, to: &out)
        default:
            out += #"{"stringValue":"#
            string("\(value)", to: &out)
            out += "}"
        }
    }

    private static func array(_ values: [String], to out: inout String) {
        out += #"{"arrayValue":{"values":["# + values.joined(separator: ",") + "]}}"
    }

    /// A JSON number; OTLP/JSON's strings for the values JSON has no number for.
    private static func number(_ value: Double) -> String {
        if value.isNaN { return #""NaN""# }
        if value.isInfinite { return value > 0 ? #""Infinity""# : #""-Infinity""# }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// `value` as a JSON string literal.
    static func string(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

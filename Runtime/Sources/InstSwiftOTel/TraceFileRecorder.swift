import Foundation
import InstSwiftRuntime
import Instrumentation
import Synchronization
import Tracing

/// Writes finished spans as OTLP/JSON lines (one `ExportTraceServiceRequest` per line, the collector's file format).
/// Spans wait in a bounded buffer that a background thread drains, so the app never blocks on the disk; when the
/// buffer is full, or the file cannot be written (disk full, a path that takes no writes), spans are dropped, counted,
/// and the first failure is reported once. Nothing here stops the process.
final class TraceFileRecorder: Sendable {
    static let capacity = 65_536

    private let file: TraceFile
    private let serviceName: String
    private let buffer = Mutex<[EndedSpan]>([])
    /// Serializes writers (the recorder's thread and the flush at exit).
    private let writing = Mutex(())
    private let overflow = DroppedSpans.queueFull()
    private let writeFailures = DroppedSpans.writeFailed()
    /// Reads a context's trace id, span id and sampled flag (the tracer's propagator); set once, by the tracer.
    typealias IDReader = @Sendable (InstrumentationContext) -> (traceID: String, spanID: String, sampled: Bool)?
    private let idReader = Mutex<IDReader?>(nil)

    init(file: TraceFile, serviceName: String) {
        self.file = file
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
        let kept = buffer.withLock { spans in
            guard spans.count < Self.capacity else { return false }
            spans.append(span)
            return true
        }
        if !kept {
            overflow.record(firstWarning: "the trace file cannot keep up; dropping spans (counted in otel.sdk.processor.span.processed{error.type=queue_full})")
        }
    }

    /// Says at exit how many spans were dropped, if any.
    func reportAtExit() {
        overflow.reportAtExit()
        writeFailures.reportAtExit()
    }

    /// Writes everything buffered; a failed write drops those spans and is reported the first time.
    func flush() {
        guard let ids = idReader.withLock({ $0 }) else { return }
        writing.withLock { _ in
            let spans = buffer.withLock { buffered in
                defer { buffered.removeAll(keepingCapacity: true) }
                return buffered
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
            if let failure = file.write(Array(text.utf8)) {
                writeFailures.record(spans.count, firstWarning: file.failureWarning(failure))
            }
        }
    }
}

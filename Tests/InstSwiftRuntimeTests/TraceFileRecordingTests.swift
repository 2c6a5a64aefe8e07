import Foundation
@testable import InstSwiftOTel
import Testing
import Tracing

/// The trace file default, composed as the bootstrap composes it: swift-otel's real tracer behind admission, spans
/// recorded when they end and their ids read on the recorder's thread.
@Suite struct TraceFileRecordingTests {
    func startSpan(_ tracer: some Tracer, _ name: String, in context: InstrumentationContext) -> any Tracing.Span {
        tracer.startSpan(name, context: context, ofKind: .internal, at: DefaultTracerClock.now, function: "", file: "", line: 1)
    }

    @Test func sampledSpansAreWrittenWithTheirIdsAndAdmissionBoundsThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-trace-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("traces.jsonl").path
        let recorder = TraceFileRecorder(file: try TraceFile(path: path, createFolder: false), serviceName: "file-test")
        let admission = SpanAdmission(limit: 2)
        let tracer = RecordingTracer(
            base: AdmittingTracer(base: try StandaloneTracer.make(sampler: "always_on"), admission: admission), recorder: recorder)

        let parent = startSpan(tracer, "parent", in: .topLevel)
        let child = startSpan(tracer, "child", in: parent.context)
        // The third span in flight is over the limit: not recorded, counted, and not written.
        let refused = startSpan(tracer, "refused", in: .topLevel)
        #expect(parent.isRecording && child.isRecording && !refused.isRecording && admission.dropped == 1)
        child.end()
        parent.end()
        refused.end()
        recorder.flush()

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let spans = try lines.map { line -> [String: Any] in
            let request = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let resource = try #require((request["resourceSpans"] as? [[String: Any]])?.first)
            return try #require(((resource["scopeSpans"] as? [[String: Any]])?.first?["spans"] as? [[String: Any]])?.first)
        }
        #expect(spans.map { $0["name"] as? String } == ["child", "parent"])
        let (written, writtenParent) = (spans[0], spans[1])
        #expect((written["traceId"] as? String)?.count == 32 && written["traceId"] as? String == writtenParent["traceId"] as? String)
        #expect((writtenParent["spanId"] as? String)?.count == 16 && writtenParent["parentSpanId"] == nil)
        #expect(written["parentSpanId"] as? String == writtenParent["spanId"] as? String)
    }
}

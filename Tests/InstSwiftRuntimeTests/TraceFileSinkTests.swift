import Foundation
@testable import InstSwiftOTel
import Testing
import Tracing

/// The trace file default through instswift's pipeline: as `Lifecycle` makes it from the variables.
@Suite struct TraceFileSinkTests {
    func pipeline(_ path: String, _ environment: [String: String] = [:]) throws -> SpanPipeline {
        let environment = environment.merging(["INSTSWIFT_TRACE_FILE": path, "OTEL_SERVICE_NAME": "file-test"]) { own, _ in own }
        return try #require(
            try SpanPipeline.makeTraceFile(
                environment: environment, settings: Settings(environment: environment), cadence: ExportCadence(environment: environment)))
    }

    func spans(in path: String) throws -> [(resource: [String: String], span: [String: Any])] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let request = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let resourceSpans = try #require((request["resourceSpans"] as? [[String: Any]])?.first)
            let attributes = ((resourceSpans["resource"] as? [String: Any])?["attributes"] as? [[String: Any]]) ?? []
            let resource = Dictionary(
                uniqueKeysWithValues: attributes.map {
                    ($0["key"] as? String ?? "", ($0["value"] as? [String: Any])?["stringValue"] as? String ?? "")
                })
            let span = try #require(((resourceSpans["scopeSpans"] as? [[String: Any]])?.first?["spans"] as? [[String: Any]])?.first)
            return (resource, span)
        }
    }

    @Test func sampledSpansAreWrittenWithTheirIdsAndTheResource() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-sink-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pipeline = try pipeline(path)
        pipeline.exporter.start()
        let parent = pipeline.tracer.startSpan("parent", context: .topLevel, ofKind: .server, at: DefaultTracerClock.now)
        let child = pipeline.tracer.startSpan("child", context: parent.context, ofKind: .client, at: DefaultTracerClock.now)
        child.attributes["http.request.method"] = "GET"
        struct Refused: Error {}
        child.recordError(Refused())
        child.end()
        parent.end()
        pipeline.exporter.shutdown(deadline: .now + .seconds(2))

        let written = try spans(in: path)
        #expect(written.map { $0.span["name"] as? String } == ["child", "parent"])
        let (childSpan, parentSpan) = (written[0].span, written[1].span)
        #expect((childSpan["traceId"] as? String)?.count == 32 && childSpan["traceId"] as? String == parentSpan["traceId"] as? String)
        #expect(childSpan["parentSpanId"] as? String == parentSpan["spanId"] as? String && parentSpan["parentSpanId"] == nil)
        #expect(childSpan["kind"] as? Int == 3 && parentSpan["kind"] as? Int == 2)
        #expect(written.allSatisfy { $0.resource["service.name"] == "file-test" && $0.resource["telemetry.sdk.language"] == "swift" })
        #expect(pipeline.exporter.failedSpans == 0)
        let events = try #require(childSpan["events"] as? [[String: Any]])
        #expect(events.count == 1 && events[0]["name"] as? String == "exception" && (events[0]["timeUnixNano"] as? String)?.isEmpty == false)
        let eventAttributes = (events[0]["attributes"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        #expect(eventAttributes == ["exception.message", "exception.type"] && parentSpan["events"] == nil)
    }

    @Test func theSpanLimitsApplyToTheFileAsToTheCollector() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-sink-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pipeline = try pipeline(
            path, ["OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT": "2", "OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT": "3", "OTEL_SPAN_EVENT_COUNT_LIMIT": "1"])
        pipeline.exporter.start()
        let span = pipeline.tracer.startSpan("limited", context: .topLevel, ofKind: .internal, at: DefaultTracerClock.now)
        span.attributes["a"] = "abcdef"
        span.attributes["b"] = ["uvwxyz"]
        span.attributes["c"] = 1
        span.addEvent(SpanEvent(name: "first", attributes: ["e": "ghijkl"]))
        span.addEvent("second")
        span.end()
        pipeline.exporter.shutdown(deadline: .now + .seconds(2))

        let written = try #require(try spans(in: path).first?.span)
        let attributes = try #require(written["attributes"] as? [[String: Any]])
        #expect(attributes.count == 2)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: written), as: UTF8.self)
        #expect(!text.contains("abcd") && !text.contains("uvwx") && !text.contains("ghij") && text.contains("ghi"))
        let events = try #require(written["events"] as? [[String: Any]])
        #expect(events.map { $0["name"] as? String } == ["first"])
    }

    @Test func aFileThatTakesNoWritesCountsWhatItDropped() throws {
        let pipeline = try pipeline("/dev/full")
        pipeline.exporter.start()
        for index in 0..<3 { pipeline.tracer.startSpan("\(index)", context: .topLevel, ofKind: .internal, at: DefaultTracerClock.now).end() }
        pipeline.exporter.shutdown(deadline: .now + .seconds(2))
        #expect(pipeline.exporter.failedSpans == 3)
    }

    @Test func swiftOTelCanStillBeAskedFor() throws {
        let environment = ["INSTSWIFT_SPAN_PIPELINE": "swift-otel", "INSTSWIFT_TRACE_FILE": "/dev/null"]
        #expect(
            try SpanPipeline.makeTraceFile(
                environment: environment, settings: Settings(environment: environment), cadence: ExportCadence(environment: environment)) == nil)
    }

    @Test func aMissingFolderIsAnErrorAndNotCreated() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-missing-\(UUID().uuidString)")
        #expect(throws: TraceFileError.self) { try pipeline(folder.appendingPathComponent("traces.jsonl").path) }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}

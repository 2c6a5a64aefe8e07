import Foundation
@testable import InstSwiftOTel
import Testing
import Tracing

/// The trace file's lines are written by hand (not by JSONSerialization, which cost ~200 us per span): each is one
/// valid OTLP/JSON request with what the span holds, strings escaped.
@Suite struct TraceFileLineTests {
    @Test func aLineIsOneValidOTLPRequestWithEverythingTheSpanHolds() throws {
        var attributes = SpanAttributes()
        attributes["http.request.method"] = "GET"
        attributes["http.response.status_code"] = 200
        attributes["weird \"key\"\n"] = "tab\tquote\"backslash\\ control\u{1} é 🎉"
        attributes["ratio"] = 0.25
        attributes["whole"] = 3.0
        attributes["flag"] = true
        attributes["list"] = ["a", "b"]
        attributes["numbers"] = [1, 2] as [Int64]
        let span = FinishedSpan(
            traceID: "4bf92f3577b34da6a3ce929d0e0e4736", spanID: "00f067aa0ba902b7", parentSpanID: "b7ad6b7169203331",
            name: "GET /items/:id", kind: .server, start: 1_700_000_000_000_000_000, end: 1_700_000_000_500_000_000,
            attributes: attributes, status: SpanStatus(code: .error, message: "boom \"x\"")
        )
        let line = OTLPJSON.line(span, serviceName: "svc \"1\"")
        #expect(line.hasSuffix("}\n") && line.dropLast().firstIndex(of: "\n") == nil)
        let request = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let resource = try #require((request["resourceSpans"] as? [[String: Any]])?.first)
        let service = (resource["resource"] as? [String: Any]).flatMap { $0["attributes"] as? [[String: Any]] }?.first
        #expect((service?["value"] as? [String: Any])?["stringValue"] as? String == "svc \"1\"")
        let scope = try #require((resource["scopeSpans"] as? [[String: Any]])?.first)
        let fields = try #require((scope["spans"] as? [[String: Any]])?.first)
        #expect(fields["traceId"] as? String == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(fields["spanId"] as? String == "00f067aa0ba902b7" && fields["parentSpanId"] as? String == "b7ad6b7169203331")
        #expect(fields["name"] as? String == "GET /items/:id" && fields["kind"] as? Int == 2)
        #expect(fields["startTimeUnixNano"] as? String == "1700000000000000000")
        #expect(fields["endTimeUnixNano"] as? String == "1700000000500000000")
        let status = try #require(fields["status"] as? [String: Any])
        #expect(status["code"] as? Int == 2 && status["message"] as? String == "boom \"x\"")
        var values: [String: [String: Any]] = [:]
        for entry in fields["attributes"] as? [[String: Any]] ?? [] {
            values[entry["key"] as? String ?? ""] = entry["value"] as? [String: Any]
        }
        #expect(values["http.request.method"]?["stringValue"] as? String == "GET")
        #expect(values["http.response.status_code"]?["intValue"] as? String == "200")
        #expect(values["weird \"key\"\n"]?["stringValue"] as? String == "tab\tquote\"backslash\\ control\u{1} é 🎉")
        #expect(values["ratio"]?["doubleValue"] as? Double == 0.25 && values["whole"]?["doubleValue"] as? Double == 3)
        #expect(values["flag"]?["boolValue"] as? Bool == true)
        let list = (values["list"]?["arrayValue"] as? [String: Any])?["values"] as? [[String: Any]]
        #expect(list?.compactMap { $0["stringValue"] as? String } == ["a", "b"])
        let numbers = (values["numbers"]?["arrayValue"] as? [String: Any])?["values"] as? [[String: Any]]
        #expect(numbers?.compactMap { $0["intValue"] as? String } == ["1", "2"])
    }

    @Test func aRootSpanWithoutStatusHasNeither() throws {
        let span = FinishedSpan(
            traceID: "t", spanID: "s", parentSpanID: nil, name: "n", kind: .internal, start: 1, end: 2,
            attributes: SpanAttributes(), status: nil)
        let line = OTLPJSON.line(span, serviceName: "svc")
        let request = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(!line.contains("parentSpanId") && !line.contains("\"status\"") && request["resourceSpans"] != nil)
    }
}

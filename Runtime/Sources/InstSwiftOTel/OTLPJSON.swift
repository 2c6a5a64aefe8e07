import Tracing

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
        append(span, resource: [("service.name", serviceName)], to: &out)
    }

    /// One line for `span`, its resource made of `resource`'s string attributes.
    static func append(_ span: FinishedSpan, resource: [(key: String, value: String)], to out: inout String) {
        out += #"{"resourceSpans":[{"resource":{"attributes":["#
        for (index, attribute) in resource.enumerated() {
            if index > 0 { out += "," }
            out += #"{"key":"#
            string(attribute.key, to: &out)
            out += #","value":{"stringValue":"#
            string(attribute.value, to: &out)
            out += "}}"
        }
        out += #"]},"scopeSpans":[{"scope":{"name":"instswift"},"spans":[{"attributes":["#
        attributes(span.attributes, to: &out)
        out += #"],"endTimeUnixNano":""# + String(span.end) + "\""
        if !span.events.isEmpty {
            out += #","events":["#
            for (index, event) in span.events.enumerated() {
                if index > 0 { out += "," }
                out += #"{"attributes":["#
                attributes(event.attributes, to: &out)
                out += #"],"name":"#
                string(event.name, to: &out)
                out += #","timeUnixNano":""# + String(event.nanosecondsSinceEpoch) + "\"}"
            }
            out += "]"
        }
        out += #","kind":"# + String(kindNumber(span.kind)) + #","name":"#
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

    /// `attributes` as OTLP/JSON `KeyValue`s, in key order.
    private static func attributes(_ attributes: SpanAttributes, to out: inout String) {
        var pairs: [(String, SpanAttribute)] = []
        attributes.forEach { key, value in pairs.append((key, value)) }
        for (index, (key, value)) in pairs.sorted(by: { $0.0 < $1.0 }).enumerated() {
            if index > 0 { out += "," }
            out += #"{"key":"#
            string(key, to: &out)
            out += #","value":"#
            anyValue(value, to: &out)
            out += "}"
        }
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

/// What the file records of a span.
struct FinishedSpan: Sendable {
    var traceID, spanID: String
    var parentSpanID: String?
    var name: String
    var kind: SpanKind
    var start, end: UInt64
    var attributes: SpanAttributes
    var status: SpanStatus?
    /// Written as the span's `events` (an exception recorded on it among them).
    var events: [SpanEvent] = []
}

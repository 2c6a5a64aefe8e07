import Tracing

/// Ended spans as an OTLP `ExportTraceServiceRequest` (opentelemetry-proto `collector/trace/v1`), one resource and one
/// instrumentation scope, with the specification's span limits applied and what they cut counted.
struct OTLPTraceEncoder: Sendable {
    /// The resource's attributes (`service.name`, `telemetry.sdk.*`, `OTEL_RESOURCE_ATTRIBUTES`).
    let resource: [(key: String, value: String)]
    let scopeName: String
    let scopeVersion: String
    let limits: SpanLimits

    func encode(_ spans: [SpanRecord]) -> [UInt8] {
        var writer = ProtobufWriter(capacity: 256 + spans.count * 160)
        writer.message(1) { resourceSpans in  // ExportTraceServiceRequest.resource_spans
            resourceSpans.message(1) { resource in  // ResourceSpans.resource
                for attribute in self.resource { Self.keyValue(&resource, 1, attribute.key, .string(attribute.value), limits: nil) }
            }
            resourceSpans.message(2) { scopeSpans in  // ResourceSpans.scope_spans
                scopeSpans.message(1) { scope in  // ScopeSpans.scope
                    scope.string(1, scopeName)
                    scope.string(2, scopeVersion)
                }
                for span in spans { scopeSpans.message(2) { encode(span, into: &$0) } }
            }
        }
        return writer.bytes
    }

    private func encode(_ span: SpanRecord, into writer: inout ProtobufWriter) {
        let identity = span.identity
        writer.id(1, high: identity.traceHigh, low: identity.traceLow)
        writer.id(2, identity.spanID)
        writer.string(3, identity.traceState ?? "")
        if span.parentSpanID != 0 { writer.id(4, span.parentSpanID) }
        writer.string(5, span.name, always: true)
        writer.varint(6, UInt64(OTLPJSON.kindNumber(span.kind)))
        writer.fixed64(7, span.startNanoseconds)
        writer.fixed64(8, span.endNanoseconds)
        writer.varint(10, UInt64(attributes(span.attributes, into: &writer, field: 9)))
        let events = span.events.prefix(limits.eventCount)
        for event in events {
            writer.message(11) { event_ in
                event_.fixed64(1, event.nanosecondsSinceEpoch)
                event_.string(2, event.name)
                event_.varint(4, UInt64(attributes(event.attributes, into: &event_, field: 3)))
            }
        }
        writer.varint(12, UInt64(span.events.count - events.count))
        let links = span.links.prefix(limits.linkCount)
        for link in links {
            writer.message(13) { link_ in
                link_.id(1, high: link.identity.traceHigh, low: link.identity.traceLow)
                link_.id(2, link.identity.spanID)
                link_.string(3, link.identity.traceState ?? "")
                link_.varint(5, UInt64(attributes(link.attributes, into: &link_, field: 4)))
                link_.fixed32(6, 0x100 | UInt32(link.identity.flags) | (link.identity.isRemote ? 0x200 : 0))
            }
        }
        writer.varint(14, UInt64(span.links.count - links.count))
        if let status = span.status {
            writer.message(15) { status_ in
                if status.code == .error { status_.string(2, status.message ?? "") }
                status_.varint(3, status.code == .ok ? 1 : 2)
            }
        }
        // Span.flags: the W3C flags, and that whether the parent is remote is known (bit 8) and what it is (bit 9).
        let parentRemote: UInt32 = span.parentSpanID != 0 && span.parentIsRemote ? 0x200 : 0
        writer.fixed32(16, UInt32(identity.flags) | 0x100 | parentRemote)
    }

    /// Writes the attributes as `KeyValue`s of `field`; returns how many the count limit left out.
    private func attributes(_ attributes: SpanAttributes, into writer: inout ProtobufWriter, field: Int) -> Int {
        var written = 0
        var dropped = 0
        attributes.forEach { key, value in
            guard written < limits.attributeCount else {
                dropped += 1
                return
            }
            if Self.keyValue(&writer, field, key, value, limits: limits) { written += 1 }
        }
        return dropped
    }

    /// A `KeyValue`; false (nothing written) for a value OTLP cannot carry.
    @discardableResult
    private static func keyValue(_ writer: inout ProtobufWriter, _ field: Int, _ key: String, _ value: SpanAttribute, limits: SpanLimits?) -> Bool {
        switch value {
        case .int32, .int64, .double, .bool, .string, .stringConvertible, .int32Array, .int64Array, .doubleArray, .boolArray,
            .stringArray, .stringConvertibleArray:
            writer.message(field) { keyValue in
                keyValue.string(1, key, always: true)
                keyValue.message(2) { anyValue(&$0, value, limits: limits) }
            }
            return true
        default:
            return false
        }
    }

    /// An `AnyValue`: string 1, bool 2, int 3, double 4, array 5.
    private static func anyValue(_ writer: inout ProtobufWriter, _ value: SpanAttribute, limits: SpanLimits?) {
        func string(_ text: String) { writer.string(1, limits?.truncated(text) ?? text, always: true) }
        func array(_ values: some Sequence<SpanAttribute>) {
            writer.message(5) { array in
                for element in values { array.message(1) { anyValue(&$0, element, limits: limits) } }
            }
        }
        switch value {
        case .int32(let number): writer.oneofInt64(3, Int64(number))
        case .int64(let number): writer.oneofInt64(3, number)
        case .double(let number): writer.oneofDouble(4, number)
        case .bool(let flag): writer.oneofBool(2, flag)
        case .string(let text): string(text)
        case .stringConvertible(let convertible): string(convertible.description)
        case .int32Array(let numbers): array(numbers.lazy.map { .int32($0) })
        case .int64Array(let numbers): array(numbers.lazy.map { .int64($0) })
        case .doubleArray(let numbers): array(numbers.lazy.map { .double($0) })
        case .boolArray(let flags): array(flags.lazy.map { .bool($0) })
        case .stringArray(let texts): array(texts.lazy.map { .string($0) })
        case .stringConvertibleArray(let values): array(values.lazy.map { .string($0.description) })
        default: break
        }
    }
}

/// The specification's span limits (`OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT`, `OTEL_SPAN_EVENT_COUNT_LIMIT`,
/// `OTEL_SPAN_LINK_COUNT_LIMIT`, `OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT`), applied when spans are encoded.
struct SpanLimits: Sendable {
    var attributeCount = 128
    var eventCount = 128
    var linkCount = 128
    /// Longest string value in characters; nil: no limit.
    var valueLength: Int?

    init(environment: [String: String]) {
        func limit(_ keys: String...) -> Int? {
            keys.lazy.compactMap { environment[$0].flatMap { Int($0) } }.first.flatMap { $0 >= 0 ? $0 : nil }
        }
        attributeCount = limit("OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT", "OTEL_ATTRIBUTE_COUNT_LIMIT") ?? 128
        eventCount = limit("OTEL_SPAN_EVENT_COUNT_LIMIT") ?? 128
        linkCount = limit("OTEL_SPAN_LINK_COUNT_LIMIT") ?? 128
        valueLength = limit("OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT", "OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT")
    }

    func truncated(_ text: String) -> String {
        guard let valueLength, text.count > valueLength else { return text }
        return String(text.prefix(valueLength))
    }

    /// `attributes` within the limits: the first `attributeCount`, string values cut to `valueLength` (the trace file
    /// applies the limits this way; the encoder as it writes).
    func applied(to attributes: SpanAttributes) -> SpanAttributes {
        var kept = SpanAttributes()
        var count = 0
        attributes.forEach { key, value in
            guard count < attributeCount else { return }
            count += 1
            kept[key] = truncated(value)
        }
        return kept
    }

    private func truncated(_ value: SpanAttribute) -> SpanAttribute {
        guard valueLength != nil else { return value }
        switch value {
        case .string(let text): return .string(truncated(text))
        case .stringConvertible(let convertible): return .string(truncated(convertible.description))
        case .stringArray(let texts): return .stringArray(texts.map(truncated))
        case .stringConvertibleArray(let values): return .stringArray(values.map { truncated($0.description) })
        default: return value
        }
    }
}

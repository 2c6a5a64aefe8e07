public import HTTPTypes
public import Instrumentation
public import NIOHTTP1
public import Tracing

extension InstSwift {
    /// Headers (lowercased) that instswift never records or copies into attributes; the rules loader refuses rules that
    /// read them (`AdviceReader.credentialHeaders`, kept equal by a test).
    public static let sensitiveHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key"]

    /// The current context continued from inbound W3C headers (`traceparent`, `tracestate`, `baggage`). Malformed or
    /// missing headers leave the current context as it is, so the span starts a fresh trace.
    public static func extract(from headers: [String: String]) -> InstrumentationContext {
        let lowered = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        return extract(lowered, using: DictionaryExtractor())
    }

    /// The current context continued from inbound `HTTPFields` (Hummingbird 2, swift-http-types).
    public static func extract(from headers: HTTPFields) -> InstrumentationContext {
        extract(headers, using: HTTPFieldsExtractor())
    }

    /// The current context continued from any sequence of `(name, value)` pairs (NIO `HTTPHeaders`).
    public static func extract<Headers: Sequence>(from headers: Headers) -> InstrumentationContext
    where Headers.Element == (name: String, value: String) {
        var lowered: [String: String] = [:]
        for (name, value) in headers where lowered[name.lowercased()] == nil { lowered[name.lowercased()] = value }
        return extract(lowered, using: DictionaryExtractor())
    }

    /// Links `span` to the remote context in W3C headers (`traceparent`, `tracestate`): a message whose span is parented
    /// by one context and that also arrived with another (an MCP request's `_meta` and its HTTP request's headers).
    /// Nothing when the headers carry no valid `traceparent`.
    public static func link(_ span: any Span, to headers: [String: String]) {
        let lowered = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        guard lowered["traceparent"].flatMap(InboundTraceContext.traceparent) != nil else { return }
        var remote = InstrumentationContext.topLevel
        InstrumentationSystem.instrument.extract(lowered, into: &remote, using: SanitizingExtractor(base: DictionaryExtractor()))
        span.addLink(SpanLink(context: remote, attributes: [:]))
    }

    /// Writes the current context's W3C headers into a dictionary.
    public static func inject(into headers: inout [String: String]) {
        inject(into: &headers, using: DictionaryInjector())
    }

    /// Writes a span's W3C headers into a dictionary: for a span from ``startSpan(_:kind:context:attributes:function:file:line:)``,
    /// which is not the current context (a request sent with a completion handler).
    public static func inject(into headers: inout [String: String], from span: any Span) {
        InstrumentationSystem.instrument.inject(span.context, into: &headers, using: DictionaryInjector())
        if propagatesBaggage, let baggage = span.context[InboundBaggageKey.self] { headers["baggage"] = baggage }
    }

    /// Writes the current context's W3C headers into `HTTPFields`.
    public static func inject(into headers: inout HTTPFields) {
        inject(into: &headers, using: HTTPFieldsInjector())
    }

    /// Writes the current context's W3C headers into NIO `HTTPHeaders` (AsyncHTTPClient, Vapor).
    public static func inject(into headers: inout HTTPHeaders) {
        inject(into: &headers, using: NIOHeadersInjector())
    }

    /// The tracer's headers, then the inbound `baggage` the context carries unless `OTEL_PROPAGATORS` leaves it out
    /// (``propagatesBaggage``; the tracers propagate trace context only).
    private static func inject<I: Injector>(into carrier: inout I.Carrier, using injector: I) {
        guard let context = InstrumentationContext.current else { return }
        InstrumentationSystem.instrument.inject(context, into: &carrier, using: injector)
        if propagatesBaggage, let baggage = context[InboundBaggageKey.self] { injector.inject(baggage, forKey: "baggage", into: &carrier) }
    }

    /// Inbound headers pass ``InboundTraceContext`` first: a malformed or oversized `traceparent` starts a fresh trace, a
    /// bad `tracestate` is dropped alone, and `baggage` (which the tracers do not propagate) is kept for ``inject`` unless
    /// `OTEL_PROPAGATORS` leaves it out.
    private static func extract<E: Extractor>(_ carrier: E.Carrier, using extractor: E) -> InstrumentationContext {
        var context = InstrumentationContext.current ?? .topLevel
        InstrumentationSystem.instrument.extract(carrier, into: &context, using: SanitizingExtractor(base: extractor))
        if propagatesBaggage, let baggage = extractor.extract(key: "baggage", from: carrier).flatMap(InboundTraceContext.baggage) {
            context[InboundBaggageKey.self] = baggage
        }
        return context
    }
}

/// The inbound W3C `baggage` header, carried in the context so outgoing requests forward it.
enum InboundBaggageKey: ServiceContextKey {
    typealias Value = String
    static var nameOverride: String? { "instswift.baggage" }
}

/// Reads headers through ``InboundTraceContext``'s checks.
struct SanitizingExtractor<Base: Extractor>: Extractor {
    let base: Base

    func extract(key: String, from carrier: Base.Carrier) -> String? {
        guard let value = base.extract(key: key, from: carrier) else { return nil }
        switch key.lowercased() {
        case "traceparent": return InboundTraceContext.traceparent(value)
        case "tracestate": return InboundTraceContext.tracestate(value)
        default: return value
        }
    }
}

struct DictionaryExtractor: Extractor {
    func extract(key: String, from carrier: [String: String]) -> String? { carrier[key.lowercased()] }
}

struct DictionaryInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout [String: String]) { carrier[key] = value }
}

struct HTTPFieldsExtractor: Extractor {
    func extract(key: String, from carrier: HTTPFields) -> String? {
        HTTPField.Name(key).flatMap { carrier[$0] }
    }
}

struct HTTPFieldsInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout HTTPFields) {
        if let name = HTTPField.Name(key) { carrier[name] = value }
    }
}

struct NIOHeadersInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout HTTPHeaders) {
        carrier.replaceOrAdd(name: key, value: value)
    }
}

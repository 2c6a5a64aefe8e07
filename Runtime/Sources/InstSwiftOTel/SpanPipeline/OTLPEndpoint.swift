import Foundation

/// Where the pipeline posts spans: an `http://` URL and the headers sent with every request.
struct OTLPEndpoint: Sendable, CustomStringConvertible {
    let host: String
    let port: Int
    /// Path and query, as written (`/v1/traces` when built from `OTEL_EXPORTER_OTLP_ENDPOINT`).
    let path: String
    /// `OTEL_EXPORTER_OTLP_HEADERS`, then `OTEL_EXPORTER_OTLP_TRACES_HEADERS` over it.
    let headers: [(name: String, value: String)]

    var description: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)\(path)" }

    /// The `http://` URL `text` names, or nil (an `https://` endpoint, for one, is swift-otel's to serve).
    init?(url text: String, headers: [(name: String, value: String)]) {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            components.scheme?.lowercased() == "http", let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil
        else { return nil }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        port = components.port ?? 80
        guard (1...65535).contains(port) else { return nil }
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        path = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath) + query
        self.headers = headers
    }

    /// The traces endpoint of the standard variables: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as written, else
    /// `OTEL_EXPORTER_OTLP_ENDPOINT` with `/v1/traces` appended, else `http://localhost:4318/v1/traces`.
    /// Nil when it is not plain `http://` or the headers cannot be read.
    init?(environment: [String: String]) {
        var headers: [(name: String, value: String)] = []
        for key in ["OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TRACES_HEADERS"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            guard let parsed = Self.headerList(value) else { return nil }
            for header in parsed {
                headers.removeAll { $0.name.lowercased() == header.name.lowercased() }
                headers.append(header)
            }
        }
        if let traces = environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"], !traces.isEmpty {
            self.init(url: traces, headers: headers)
        } else if let base = environment["OTEL_EXPORTER_OTLP_ENDPOINT"], !base.isEmpty {
            var trimmed = base.trimmingCharacters(in: .whitespaces)
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            self.init(url: trimmed + "/v1/traces", headers: headers)
        } else {
            self.init(url: "http://localhost:4318/v1/traces", headers: headers)
        }
    }

    /// `key=value` pairs separated by commas, each side percent-decoded (the specification's header format); nil when
    /// one is malformed or names a header that cannot be sent.
    static func headerList(_ text: String) -> [(name: String, value: String)]? {
        var headers: [(name: String, value: String)] = []
        for item in text.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2,
                let name = String(pair[0]).trimmingCharacters(in: .whitespaces).removingPercentEncoding,
                let value = String(pair[1]).trimmingCharacters(in: .whitespaces).removingPercentEncoding,
                !name.isEmpty, name.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != UInt8(ascii: ":") }),
                !value.utf8.contains(where: { $0 == 13 || $0 == 10 })
            else { return nil }
            headers.append((name, value))
        }
        return headers
    }
}

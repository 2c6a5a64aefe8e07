import Foundation

/// instswift's own span pipeline (ADR 0022), made from the standard variables when it can serve them: OTLP over
/// `http/protobuf` to an `http://` collector, uncompressed — the common case of a collector or agent beside the app.
/// TLS, gRPC, JSON, gzip, other exporters and `INSTSWIFT_SPAN_PIPELINE=swift-otel` are served by swift-otel, as before.
struct SpanPipeline {
    let tracer: PipelineTracer
    let exporter: SpanExporter

    /// Why swift-otel serves `environment` instead (nil: the pipeline can).
    static func swiftOTelReason(_ environment: [String: String]) -> String? {
        func value(_ keys: String...) -> String? {
            keys.lazy.compactMap { environment[$0]?.trimmingCharacters(in: .whitespaces).lowercased() }.first { !$0.isEmpty }
        }
        if value("INSTSWIFT_SPAN_PIPELINE") == "swift-otel" { return "INSTSWIFT_SPAN_PIPELINE=swift-otel" }
        if let exporter = value("OTEL_TRACES_EXPORTER"), exporter != "otlp" { return "OTEL_TRACES_EXPORTER=\(exporter)" }
        if let wire = value("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"), wire != "http/protobuf" {
            return "protocol \(wire)"
        }
        if let compression = value("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "OTEL_EXPORTER_OTLP_COMPRESSION"), compression != "none" {
            return "compression \(compression)"
        }
        if OTLPEndpoint(environment: environment) == nil { return "an endpoint other than plain http://" }
        return nil
    }

    /// The pipeline for `environment`, or nil when swift-otel must serve it (``swiftOTelReason(_:)``).
    static func make(environment: [String: String], settings: Settings, cadence: ExportCadence) -> SpanPipeline? {
        guard swiftOTelReason(environment) == nil, let endpoint = OTLPEndpoint(environment: environment) else { return nil }
        let queueSize =
            environment[EnvironmentCheck.maxQueueSize].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            ?? InstSwiftOTelDefaults.maxQueueSize
        let queue = SpanExportQueue(capacity: queueSize, batchSize: cadence.batchSize)
        let encoder = OTLPTraceEncoder(
            resource: resourceAttributes(environment), scopeName: TelemetrySDK.name, scopeVersion: TelemetrySDK.version,
            limits: SpanLimits(environment: environment)
        )
        let exporter = SpanExporter(
            queue: queue, endpoint: endpoint, encoder: encoder, interval: cadence.exportInterval, timeout: settings.exportTimeout
        )
        let sampler = PipelineSampler(name: environment[EnvironmentCheck.sampler], argument: environment[EnvironmentCheck.samplerArgument])
        let propagates = environment[EnvironmentCheck.propagators]?.lowercased() != "none"
        return SpanPipeline(tracer: PipelineTracer(sampler: sampler, exporter: exporter, propagates: propagates), exporter: exporter)
    }

    /// `telemetry.sdk.*`, then `OTEL_RESOURCE_ATTRIBUTES` (`key=value,...`, percent-decoded; malformed entries are
    /// skipped), then `service.name` from `OTEL_SERVICE_NAME`, else `unknown_service:<executable>`.
    static func resourceAttributes(_ environment: [String: String]) -> [(key: String, value: String)] {
        var attributes = TelemetrySDK.resourceAttributes.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        func set(_ key: String, _ value: String) {
            attributes.removeAll { $0.key == key }
            attributes.append((key, value))
        }
        for item in (environment["OTEL_RESOURCE_ATTRIBUTES"] ?? "").split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let key = String(pair[0]).trimmingCharacters(in: .whitespaces).removingPercentEncoding,
                let value = String(pair[1]).trimmingCharacters(in: .whitespaces).removingPercentEncoding, !key.isEmpty
            else { continue }
            set(key, value)
        }
        if let name = environment["OTEL_SERVICE_NAME"], !name.isEmpty {
            set("service.name", name)
        } else if !attributes.contains(where: { $0.key == "service.name" }) {
            set("service.name", "unknown_service:" + ProcessInfo.processInfo.processName)
        }
        return attributes
    }
}

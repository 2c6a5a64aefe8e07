import Foundation

/// instswift's own span pipeline (ADR 0022), made from the standard variables when it can serve them: OTLP over
/// `http/protobuf` to an `http://` collector, uncompressed — the common case of a collector or agent beside the app —
/// and the trace file when no collector is configured. TLS, gRPC, JSON, gzip, other exporters and
/// `INSTSWIFT_SPAN_PIPELINE=swift-otel` are served by swift-otel, as before.
struct SpanPipeline {
    let tracer: PipelineTracer
    let exporter: SpanExporter

    /// The collector `environment` names when the pipeline can serve it, else why swift-otel serves it instead.
    static func collector(_ environment: [String: String]) -> Result<OTLPEndpoint, SwiftOTelServes> {
        func value(_ keys: String...) -> String? {
            keys.lazy.compactMap { environment[$0]?.trimmingCharacters(in: .whitespaces).lowercased() }.first { !$0.isEmpty }
        }
        if forcesSwiftOTel(environment) { return .failure(SwiftOTelServes(reason: "INSTSWIFT_SPAN_PIPELINE=swift-otel")) }
        if let exporter = value("OTEL_TRACES_EXPORTER"), exporter != "otlp" {
            return .failure(SwiftOTelServes(reason: "OTEL_TRACES_EXPORTER=\(exporter)"))
        }
        if let wire = value("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"), wire != "http/protobuf" {
            return .failure(SwiftOTelServes(reason: "protocol \(wire)"))
        }
        if let compression = value("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "OTEL_EXPORTER_OTLP_COMPRESSION"), compression != "none" {
            return .failure(SwiftOTelServes(reason: "compression \(compression)"))
        }
        guard let endpoint = OTLPEndpoint(environment: environment) else {
            return .failure(SwiftOTelServes(reason: "an endpoint other than plain http://, or headers that cannot be sent"))
        }
        return .success(endpoint)
    }

    /// Whether `INSTSWIFT_SPAN_PIPELINE=swift-otel` asks for swift-otel whatever the destination.
    static func forcesSwiftOTel(_ environment: [String: String]) -> Bool {
        environment[EnvironmentCheck.spanPipeline]?.trimmingCharacters(in: .whitespaces).lowercased() == "swift-otel"
    }

    /// The pipeline to the collector `environment` names, or nil when swift-otel must serve it (``collector(_:)``).
    static func make(environment: [String: String], settings: Settings, cadence: ExportCadence) -> SpanPipeline? {
        guard case .success(let endpoint) = collector(environment) else { return nil }
        let encoder = OTLPTraceEncoder(
            resource: resourceAttributes(environment), scopeName: TelemetrySDK.name, scopeVersion: TelemetrySDK.version,
            limits: SpanLimits(environment: environment)
        )
        let sink = OTLPHTTPSink(endpoint: endpoint, encoder: encoder)
        return assemble(sink, interval: cadence.exportInterval, environment: environment, settings: settings, cadence: cadence)
    }

    /// The pipeline to the trace file (no collector configured), or nil under `INSTSWIFT_SPAN_PIPELINE=swift-otel`.
    /// The file is written every 200 ms at the latest, so `instswift traces` shows a running server's requests at once.
    static func makeTraceFile(environment: [String: String], settings: Settings, cadence: ExportCadence) throws(TraceFileError) -> SpanPipeline? {
        guard !forcesSwiftOTel(environment) else { return nil }
        let file = try TraceFile(path: settings.traceFile, createFolder: settings.traceFileIsDefault)
        let sink = TraceFileSink(file: file, resource: resourceAttributes(environment), limits: SpanLimits(environment: environment))
        return assemble(sink, interval: min(cadence.exportInterval, .milliseconds(200)), environment: environment, settings: settings, cadence: cadence)
    }

    private static func assemble(
        _ sink: any SpanSink, interval: Duration, environment: [String: String], settings: Settings, cadence: ExportCadence
    ) -> SpanPipeline {
        let queueSize =
            environment[EnvironmentCheck.maxQueueSize].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            ?? InstSwiftOTelDefaults.maxQueueSize
        let queue = SpanExportQueue(capacity: queueSize, batchSize: cadence.batchSize)
        let exporter = SpanExporter(queue: queue, sink: sink, interval: interval, timeout: settings.exportTimeout)
        let sampler = PipelineSampler(name: environment[EnvironmentCheck.sampler], argument: environment[EnvironmentCheck.samplerArgument])
        let propagates = environment[EnvironmentCheck.propagators]?.lowercased() != "none"
        return SpanPipeline(tracer: PipelineTracer(sampler: sampler, exporter: exporter, propagates: propagates), exporter: exporter)
    }

    /// Why swift-otel serves a configuration the pipeline cannot.
    struct SwiftOTelServes: Error {
        let reason: String
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

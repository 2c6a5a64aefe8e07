import Foundation

/// What the standard `OTEL_*` variables and instswift's own say.
struct Settings {
    var sdkDisabled: Bool
    /// Whether an OTLP (or other) exporter was asked for explicitly.
    var hasExporter: Bool
    var traceFile: String
    /// Whether `traceFile` is the default location (then announced at start, and its folder created).
    var traceFileIsDefault: Bool
    var serviceName: String
    /// Whether `OTEL_SERVICE_NAME` or `OTEL_RESOURCE_ATTRIBUTES` names the service.
    var namesService: Bool
    var exportTimeout: Duration
    /// Whether OTLP/gRPC was asked for (`OTEL_EXPORTER_OTLP_[TRACES_]PROTOCOL=grpc`).
    var wantsGRPC: Bool
    /// Whether the runtime's metrics (GenAI client metrics) are exported over OTLP: with an OTLP endpoint, unless
    /// `OTEL_METRICS_EXPORTER=none`. An app with its own swift-metrics backend gets them there instead.
    var exportsMetrics: Bool

    init(environment: [String: String]) {
        sdkDisabled = environment["OTEL_SDK_DISABLED"]?.lowercased() == "true"
        hasExporter = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_TRACES_EXPORTER"]
            .contains { !(environment[$0] ?? "").isEmpty }
        if let file = environment["INSTSWIFT_TRACE_FILE"], !file.isEmpty {
            traceFile = file
            traceFileIsDefault = false
        } else {
            traceFile = FileManager.default.fileExists(atPath: ".build") ? ".build/instswift/traces.jsonl" : NSTemporaryDirectory() + "instswift-traces.jsonl"
            traceFileIsDefault = true
        }
        serviceName = environment["OTEL_SERVICE_NAME"] ?? ProcessInfo.processInfo.processName
        namesService =
            !(environment["OTEL_SERVICE_NAME"] ?? "").isEmpty
            || (environment["OTEL_RESOURCE_ATTRIBUTES"] ?? "").split(separator: ",").contains {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("service.name=")
            }
        let milliseconds = (environment["OTEL_EXPORTER_OTLP_TRACES_TIMEOUT"] ?? environment["OTEL_EXPORTER_OTLP_TIMEOUT"]).flatMap(Int.init) ?? 10_000
        exportTimeout = .milliseconds(max(100, milliseconds))
        wantsGRPC = (environment["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"] ?? environment["OTEL_EXPORTER_OTLP_PROTOCOL"])?.lowercased() == "grpc"
        let metricsEndpoint = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"].contains { !(environment[$0] ?? "").isEmpty }
        exportsMetrics = metricsEndpoint && environment["OTEL_METRICS_EXPORTER"]?.lowercased() != "none"
    }
}

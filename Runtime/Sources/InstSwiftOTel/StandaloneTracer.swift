import OTel
import Tracing

/// swift-otel's tracer with a given sampler, exporting nowhere: the real thing the tracers in front of it
/// (``SamplingFront``, ``AdmittingTracer``) are tested against.
enum StandaloneTracer {
    /// - Parameters:
    ///   - sampler: An `OTEL_TRACES_SAMPLER` name swift-otel implements.
    ///   - ratio: The `traceidratio` samplers' ratio.
    static func make(sampler: String, ratio: Double = 1) throws -> some Tracer {
        var configuration = OTel.Configuration.default
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.traces.exporter = .none
        configuration.traces.sampler =
            switch sampler {
            case "always_on": .alwaysOn
            case "always_off": .alwaysOff
            case "traceidratio": .traceIDRatio(ratio: ratio) ?? .alwaysOn
            case "parentbased_always_off": .parentBasedAlwaysOff
            case "parentbased_traceidratio": .parentBasedTraceIDRatio(ratio: ratio) ?? .parentBasedAlwaysOn
            default: .parentBasedAlwaysOn
            }
        return try OTel.makeTracingBackend(configuration: configuration).factory
    }
}

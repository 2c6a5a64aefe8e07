import CoreMetrics
#if canImport(Glibc)
import Glibc
#endif

/// The GenAI client metric names: the conventions v1.41 by default, the newer `gen_ai.client.inference.*` names under
/// `OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental` (the switch the conventions prescribe).
struct GenAIMetricNames: Sendable {
    var duration: String
    var timeToFirstChunk: String
    var timePerOutputChunk: String
    /// v1.41: one histogram with `gen_ai.token.type`.
    var tokenUsageHistogram: String?
    /// Latest: a counter per token kind (input, output, cache read, cache write, reasoning output).
    var tokenCounterPrefix: String?

    static let v1_41 = GenAIMetricNames(
        duration: "gen_ai.client.operation.duration",
        timeToFirstChunk: "gen_ai.client.operation.time_to_first_chunk",
        timePerOutputChunk: "gen_ai.client.operation.time_per_output_chunk",
        tokenUsageHistogram: "gen_ai.client.token.usage"
    )
    static let latest = GenAIMetricNames(
        duration: "gen_ai.client.inference.duration",
        timeToFirstChunk: "gen_ai.client.inference.time_to_first_chunk",
        timePerOutputChunk: "gen_ai.client.inference.time_per_output_chunk",
        tokenCounterPrefix: "gen_ai.client.inference.usage."
    )

    static let current: GenAIMetricNames = {
        let optIn = getenv("OTEL_SEMCONV_STABILITY_OPT_IN").map { String(cString: $0) } ?? ""
        return optIn.split(separator: ",").contains { $0.trimmingSpaces() == "gen_ai_latest_experimental" } ? latest : v1_41
    }()
}

/// Records a finished model call's client metrics.
enum GenAIMetrics {
    /// The conventions' advice for the duration histograms (seconds).
    static let durationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92]
    /// The conventions' advice for the token usage histogram.
    static let tokenBuckets: [Double] = [
        1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1_048_576, 4_194_304, 16_777_216, 67_108_864,
    ]

    static func record(_ exchange: GenAIExchange, state: GenAIExchange.State, errorType: String?, end: ContinuousClock.Instant) {
        guard let factory = InstSwiftMetrics.current else { return }
        let names = GenAIMetricNames.current
        let response = state.response
        var dimensions = [
            (SemanticConventions.genAIOperationName, exchange.endpoint.operation),
            (SemanticConventions.genAIProviderName, exchange.endpoint.provider),
            (SemanticConventions.serverAddress, exchange.endpoint.host),
        ]
        if let model = state.request.model { dimensions.append((SemanticConventions.genAIRequestModel, model)) }
        if let model = response.model { dimensions.append((SemanticConventions.genAIResponseModel, model)) }
        if let port = exchange.endpoint.port { dimensions.append((SemanticConventions.serverPort, String(port))) }
        if let errorType { dimensions.append((SemanticConventions.errorType, errorType)) }
        let seconds = [("unit", "s")]

        MetricHandles.recorder(names.duration, dimensions + seconds, from: factory).record((end - exchange.start).seconds)
        if let first = state.firstChunk, state.splitter != nil {
            MetricHandles.recorder(names.timeToFirstChunk, dimensions + seconds, from: factory).record((first - exchange.start).seconds)
            let perChunk = MetricHandles.recorder(names.timePerOutputChunk, dimensions + seconds, from: factory)
            for interval in state.chunkIntervals { perChunk.record(interval) }
        }
        let tokens: [(kind: String, counter: String, count: Int?)] = [
            ("input", "input_tokens", response.inputTokens),
            ("output", "output_tokens", response.outputTokens),
            ("", "cache_read.input_tokens", response.cacheReadInputTokens),
            ("", "cache_write.input_tokens", response.cacheCreationInputTokens),
            ("", "reasoning.output_tokens", response.reasoningOutputTokens),
        ]
        let tokenUnit = [("unit", "{token}")]
        for token in tokens {
            guard let count = token.count else { continue }
            if let histogram = names.tokenUsageHistogram, !token.kind.isEmpty {
                MetricHandles.recorder(histogram, dimensions + [("gen_ai.token.type", token.kind)] + tokenUnit, from: factory)
                    .record(count)
            } else if let prefix = names.tokenCounterPrefix {
                MetricHandles.counter(prefix + token.counter, dimensions + tokenUnit, from: factory).increment(by: count)
            }
        }
    }
}

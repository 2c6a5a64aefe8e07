import Synchronization
import Tracing
#if canImport(Glibc)
import Glibc
#endif

extension GenAIExchange {
    typealias Names = SemanticConventions

    /// The attributes known when the call starts: what was asked of which model where.
    func recordRequest(_ request: GenAIRequestSummary) {
        var attributes = SpanAttributes()
        attributes[Names.genAIOperationName] = endpoint.operation
        attributes[Names.genAIProviderName] = endpoint.provider
        attributes[Names.genAIRequestModel] = request.model
        attributes[Names.genAIRequestMaxTokens] = request.maxTokens
        attributes[Names.genAIRequestTemperature] = request.temperature
        attributes[Names.genAIRequestTopP] = request.topP
        attributes[Names.genAIRequestTopK] = request.topK
        attributes[Names.genAIRequestSeed] = request.seed
        attributes[Names.genAIRequestFrequencyPenalty] = request.frequencyPenalty
        attributes[Names.genAIRequestPresencePenalty] = request.presencePenalty
        attributes[Names.genAIRequestStopSequences] = request.stopSequences
        attributes[Names.genAIRequestChoiceCount] = request.choiceCount.flatMap { $0 == 1 ? nil : $0 }
        if request.stream { attributes[Names.genAIRequestStream] = true }
        attributes[Names.genAIConversationID] = GenAIConversation.currentID
        attributes[Names.serverAddress] = endpoint.host
        attributes[Names.serverPort] = endpoint.port
        span.attributes.merge(attributes)
    }

    /// The attributes known when the call ends: the response, its usage, timing and cost, and its error.
    func recordResponse(_ state: State, error: (any Error)?, end: ContinuousClock.Instant) {
        let response = state.response
        let request = state.request
        var attributes = SpanAttributes()
        attributes[Names.genAIResponseID] = response.id
        attributes[Names.genAIResponseModel] = response.model
        if !response.finishReasons.isEmpty { attributes[Names.genAIResponseFinishReasons] = response.finishReasons }
        attributes[Names.genAIUsageInputTokens] = response.inputTokens
        attributes[Names.genAIUsageOutputTokens] = response.outputTokens
        attributes[Names.genAIUsageCacheReadInputTokens] = response.cacheReadInputTokens
        attributes[Names.genAIUsageCacheCreationInputTokens] = response.cacheCreationInputTokens
        attributes[Names.genAIUsageReasoningOutputTokens] = response.reasoningOutputTokens
        if let first = state.firstChunk, state.splitter != nil {
            attributes[Names.genAIResponseTimeToFirstChunk] = (first - start).seconds
        }
        if !state.chunkIntervals.isEmpty {
            attributes[Names.instswiftGenAIMeanTimePerOutputChunk] = state.chunkIntervals.reduce(0, +) / Double(state.chunkIntervals.count)
        }
        if state.splitter != nil, response.outputTokens == nil, (state.status ?? 0) < 400 {
            attributes[Names.instswiftGenAIUsageMissing] = request.streamIncludesUsage ? "not_reported" : "not_requested"
            if !request.streamIncludesUsage { GenAIWarnings.usageNotRequested(model: request.model) }
        }
        attributes[Names.genAIOutputMessages] = outputMessages(state)
        let cost = GenAIPriceTable.shared.cost(model: response.model ?? request.model, response)
        attributes[Names.instswiftGenAICostUSD] = cost
        span.attributes.merge(attributes)

        var errorType: String?
        if let error {
            InstSwift.fail(span, error)
            errorType = String(reflecting: type(of: error))
        } else if let status = state.status, status >= 400 {
            errorType = response.errorType ?? String(status)
            span.attributes[Names.errorType] = errorType
            span.setStatus(SpanStatus(code: .error))
        }
        if response.inputTokens != nil || response.outputTokens != nil {
            tally?.add(input: response.inputTokens, output: response.outputTokens, cost: cost)
        }
        GenAIMetrics.record(self, state: state, errorType: errorType, end: end)
    }
}

/// One-time advice printed to standard error.
enum GenAIWarnings {
    static let usageWarned = Synchronization.Atomic<Bool>(false)

    /// A streamed OpenAI-style call that did not ask for usage reports no tokens; say so once, with the fix.
    static func usageNotRequested(model: String?) {
        guard !usageWarned.exchange(true, ordering: .relaxed) else { return }
        let message =
            "instswift: a streamed model call (\(model ?? "unknown model")) did not ask for token usage, so its span "
            + "has no gen_ai.usage.* (instswift.gen_ai.usage.missing=not_requested); send \"stream_options\": {\"include_usage\": true} to record tokens and cost\n"
        var bytes = Array(message.utf8)
        _ = write(2, &bytes, bytes.count)
    }
}

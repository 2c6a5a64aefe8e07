/// Attribute names instswift records, in one table. Stable names follow the OpenTelemetry semantic conventions;
/// GenAI and MCP names follow the GenAI conventions, which moved out of the core set (see README).
public enum SemanticConventions {
    public static let errorType = "error.type"

    // HTTP
    public static let httpRequestMethod = "http.request.method"
    public static let httpResponseStatusCode = "http.response.status_code"
    public static let urlPath = "url.path"
    public static let urlFull = "url.full"
    public static let urlScheme = "url.scheme"
    public static let serverAddress = "server.address"
    public static let serverPort = "server.port"
    public static let httpRoute = "http.route"

    // Databases
    public static let dbSystemName = "db.system.name"
    public static let dbQueryText = "db.query.text"
    public static let dbOperationName = "db.operation.name"
    public static let dbNamespace = "db.namespace"

    // GenAI: the OpenTelemetry GenAI conventions v1.41 (the last core release that owned them), attributes in
    // model/gen-ai/registry.yaml, spans in docs/gen-ai/gen-ai-spans.md.
    public static let genAIOperationName = "gen_ai.operation.name"
    public static let genAIProviderName = "gen_ai.provider.name"
    public static let genAIRequestModel = "gen_ai.request.model"
    public static let genAIRequestMaxTokens = "gen_ai.request.max_tokens"
    public static let genAIRequestTemperature = "gen_ai.request.temperature"
    public static let genAIRequestTopP = "gen_ai.request.top_p"
    public static let genAIRequestTopK = "gen_ai.request.top_k"
    public static let genAIRequestSeed = "gen_ai.request.seed"
    public static let genAIRequestFrequencyPenalty = "gen_ai.request.frequency_penalty"
    public static let genAIRequestPresencePenalty = "gen_ai.request.presence_penalty"
    public static let genAIRequestStopSequences = "gen_ai.request.stop_sequences"
    public static let genAIRequestChoiceCount = "gen_ai.request.choice.count"
    public static let genAIRequestStream = "gen_ai.request.stream"
    public static let genAIResponseID = "gen_ai.response.id"
    public static let genAIResponseModel = "gen_ai.response.model"
    public static let genAIResponseFinishReasons = "gen_ai.response.finish_reasons"
    public static let genAIResponseTimeToFirstChunk = "gen_ai.response.time_to_first_chunk"
    public static let genAIUsageInputTokens = "gen_ai.usage.input_tokens"
    public static let genAIUsageOutputTokens = "gen_ai.usage.output_tokens"
    public static let genAIUsageCacheReadInputTokens = "gen_ai.usage.cache_read.input_tokens"
    public static let genAIUsageCacheCreationInputTokens = "gen_ai.usage.cache_creation.input_tokens"
    public static let genAIUsageReasoningOutputTokens = "gen_ai.usage.reasoning.output_tokens"
    public static let genAIConversationID = "gen_ai.conversation.id"
    /// Opt-in content (`OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`), JSON in the conventions' shape.
    public static let genAIInputMessages = "gen_ai.input.messages"
    public static let genAIOutputMessages = "gen_ai.output.messages"
    public static let genAIToolName = "gen_ai.tool.name"
    public static let genAIAgentName = "gen_ai.agent.name"
    public static let genAIWorkflowName = "gen_ai.workflow.name"

    // instswift's own GenAI attributes (the conventions have none for these; never a `gen_ai.*` key).
    /// Estimated cost of the call in US dollars, from the price table (`INSTSWIFT_GENAI_PRICES` to extend it).
    public static let instswiftGenAICostUSD = "instswift.gen_ai.cost.usd"
    /// Mean seconds between consecutive output chunks of a streamed call (the metric has every interval).
    public static let instswiftGenAIMeanTimePerOutputChunk = "instswift.gen_ai.time_per_output_chunk.mean"
    /// Why a call reports no output tokens: `not_requested` when a streamed OpenAI-style call did not ask for usage.
    public static let instswiftGenAIUsageMissing = "instswift.gen_ai.usage.missing"

    // MCP
    public static let mcpMethodName = "mcp.method.name"
    public static let mcpToolName = "gen_ai.tool.name"
    public static let mcpSessionID = "mcp.session.id"
}

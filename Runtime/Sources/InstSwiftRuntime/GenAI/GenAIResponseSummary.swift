/// What a model's response reported, gathered from its JSON body or from the chunks of its stream.
struct GenAIResponseSummary: Sendable, Equatable {
    var id: String?
    var model: String?
    var finishReasons: [String] = []
    var inputTokens: Int?
    var outputTokens: Int?
    var cacheReadInputTokens: Int?
    var cacheCreationInputTokens: Int?
    var reasoningOutputTokens: Int?
    /// The provider's error code (OpenAI: `rate_limit_exceeded`) or type (Anthropic: `rate_limit_error`), from an
    /// error body.
    var errorType: String?

    /// Merges what one JSON document (a whole body, or one chunk of a stream) reports; later values win, as streams
    /// repeat the id and model on every chunk and send usage last.
    mutating func merge(_ fields: GenAIResponseFields) {
        let message = fields.message
        id = fields.id ?? message?.id ?? id
        model = fields.model ?? message?.model ?? model
        for choice in fields.choices ?? [] {
            if let reason = choice.finish_reason { addFinishReason(reason) }
        }
        if let reason = fields.stop_reason ?? fields.delta?.stop_reason ?? fields.done_reason { addFinishReason(reason) }
        for usage in [message?.usage, fields.usage].compactMap({ $0 }) {
            inputTokens = usage.prompt_tokens ?? usage.input_tokens ?? inputTokens
            outputTokens = usage.completion_tokens ?? usage.output_tokens ?? outputTokens
            cacheReadInputTokens = usage.prompt_tokens_details?.cached_tokens ?? usage.cache_read_input_tokens ?? cacheReadInputTokens
            cacheCreationInputTokens = usage.cache_creation_input_tokens ?? cacheCreationInputTokens
            reasoningOutputTokens = usage.completion_tokens_details?.reasoning_tokens ?? reasoningOutputTokens
        }
        inputTokens = fields.prompt_eval_count ?? inputTokens
        outputTokens = fields.eval_count ?? outputTokens
        if let error = fields.error { errorType = error.code?.text ?? error.type ?? "error" }
    }

    private mutating func addFinishReason(_ reason: String) {
        if !finishReasons.contains(reason) { finishReasons.append(reason) }
    }
}

/// The union of the response and stream-chunk fields of the OpenAI, Anthropic and Ollama APIs that the conventions
/// record (content is never decoded).
struct GenAIResponseFields: Decodable {
    var id: String?
    var model: String?
    var type: String?
    var choices: [Choice]?
    var usage: Usage?
    var message: Message?
    var delta: Delta?
    var stop_reason: String?
    var done: Bool?
    var done_reason: String?
    var prompt_eval_count: Int?
    var eval_count: Int?
    var error: ErrorBody?

    struct Choice: Decodable { var finish_reason: String? }
    struct Message: Decodable {
        var id: String?
        var model: String?
        var usage: Usage?
    }
    struct Delta: Decodable { var stop_reason: String? }
    struct Usage: Decodable {
        var prompt_tokens: Int?
        var completion_tokens: Int?
        var input_tokens: Int?
        var output_tokens: Int?
        var cache_read_input_tokens: Int?
        var cache_creation_input_tokens: Int?
        var prompt_tokens_details: PromptDetails?
        var completion_tokens_details: CompletionDetails?
        struct PromptDetails: Decodable { var cached_tokens: Int? }
        struct CompletionDetails: Decodable { var reasoning_tokens: Int? }
    }
    struct ErrorBody: Decodable {
        var type: String?
        var code: Code?
        /// OpenAI sends a string code, others a number.
        struct Code: Decodable {
            var text: String
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let string = try? container.decode(String.self) { text = string } else { text = String(try container.decode(Int.self)) }
            }
        }
    }

    /// Whether this chunk of a stream carries output (text, a tool call, an embedding), as opposed to bookkeeping:
    /// role announcements count, the final usage-only chunk and Anthropic's start/stop events do not.
    var carriesOutput: Bool {
        if let choices { return !choices.isEmpty }
        if let type { return type == "content_block_delta" }
        if let done { return !done }
        return false
    }
}

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
        if let usage = message?.usage { merge(usage) }
        if let usage = fields.usage { merge(usage) }
        inputTokens = fields.prompt_eval_count ?? inputTokens
        outputTokens = fields.eval_count ?? outputTokens
        if let error = fields.error { errorType = error.code ?? error.type ?? "error" }
    }

    private mutating func merge(_ usage: GenAIResponseFields.Usage) {
        inputTokens = usage.prompt_tokens ?? usage.input_tokens ?? inputTokens
        outputTokens = usage.completion_tokens ?? usage.output_tokens ?? outputTokens
        cacheReadInputTokens = usage.cached_tokens ?? usage.cache_read_input_tokens ?? cacheReadInputTokens
        cacheCreationInputTokens = usage.cache_creation_input_tokens ?? cacheCreationInputTokens
        reasoningOutputTokens = usage.reasoning_tokens ?? reasoningOutputTokens
    }

    private mutating func addFinishReason(_ reason: String) {
        if !finishReasons.contains(reason) { finishReasons.append(reason) }
    }
}

/// The union of the response and stream-chunk fields of the OpenAI, Anthropic and Ollama APIs that the conventions
/// record, read with ``JSONFieldReader`` (content is stepped over, never decoded).
struct GenAIResponseFields {
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

    struct Choice { var finish_reason: String? }
    struct Message {
        var id: String?
        var model: String?
        var usage: Usage?
    }
    struct Delta { var stop_reason: String? }
    struct Usage {
        var prompt_tokens: Int?
        var completion_tokens: Int?
        var input_tokens: Int?
        var output_tokens: Int?
        var cache_read_input_tokens: Int?
        var cache_creation_input_tokens: Int?
        var cached_tokens: Int?
        var reasoning_tokens: Int?
    }
    struct ErrorBody {
        var type: String?
        /// OpenAI sends a string code, others a number.
        var code: String?
    }

    /// The fields of one JSON document; throws when it is not well-formed.
    init(json: UnsafeRawBufferPointer) throws {
        self = try JSONFieldReader.read(json) { reader in
            var fields = GenAIResponseFields()
            try reader.object { key, reader in
                if key == "id" {
                    fields.id = try reader.string()
                } else if key == "model" {
                    fields.model = try reader.string()
                } else if key == "type" {
                    fields.type = try reader.string()
                } else if key == "choices" {
                    var choices: [Choice] = []
                    let isArray = try reader.array { reader in
                        var choice = Choice()
                        try reader.object { key, reader in
                            if key == "finish_reason" { choice.finish_reason = try reader.string() }
                        }
                        choices.append(choice)
                    }
                    fields.choices = isArray ? choices : nil
                } else if key == "usage" {
                    fields.usage = try Usage(&reader)
                } else if key == "message" {
                    var message = Message()
                    try reader.object { key, reader in
                        if key == "id" {
                            message.id = try reader.string()
                        } else if key == "model" {
                            message.model = try reader.string()
                        } else if key == "usage" {
                            message.usage = try Usage(&reader)
                        }
                    }
                    fields.message = message
                } else if key == "delta" {
                    var delta = Delta()
                    try reader.object { key, reader in
                        if key == "stop_reason" { delta.stop_reason = try reader.string() }
                    }
                    fields.delta = delta
                } else if key == "stop_reason" {
                    fields.stop_reason = try reader.string()
                } else if key == "done" {
                    fields.done = try reader.bool()
                } else if key == "done_reason" {
                    fields.done_reason = try reader.string()
                } else if key == "prompt_eval_count" {
                    fields.prompt_eval_count = try reader.int()
                } else if key == "eval_count" {
                    fields.eval_count = try reader.int()
                } else if key == "error" {
                    var error = ErrorBody()
                    try reader.object { key, reader in
                        if key == "type" {
                            error.type = try reader.string()
                        } else if key == "code" {
                            error.code = try reader.stringOrNumber()
                        }
                    }
                    fields.error = error
                }
            }
            return fields
        }
    }

    private init() {}

    /// Whether this chunk of a stream carries output (text, a tool call, an embedding), as opposed to bookkeeping:
    /// role announcements count, the final usage-only chunk and Anthropic's start/stop events do not.
    var carriesOutput: Bool {
        if let choices { return !choices.isEmpty }
        if let type { return type == "content_block_delta" }
        if let done { return !done }
        return false
    }
}

extension GenAIResponseFields.Usage {
    /// The usage object at `reader` (OpenAI's, Anthropic's); the cached and reasoning counts are nested in OpenAI's.
    init(_ reader: inout JSONFieldReader) throws {
        var usage = Self()
        try reader.object { key, reader in
            if key == "prompt_tokens" {
                usage.prompt_tokens = try reader.int()
            } else if key == "completion_tokens" {
                usage.completion_tokens = try reader.int()
            } else if key == "input_tokens" {
                usage.input_tokens = try reader.int()
            } else if key == "output_tokens" {
                usage.output_tokens = try reader.int()
            } else if key == "cache_read_input_tokens" {
                usage.cache_read_input_tokens = try reader.int()
            } else if key == "cache_creation_input_tokens" {
                usage.cache_creation_input_tokens = try reader.int()
            } else if key == "prompt_tokens_details" {
                try reader.object { key, reader in
                    if key == "cached_tokens" { usage.cached_tokens = try reader.int() }
                }
            } else if key == "completion_tokens_details" {
                try reader.object { key, reader in
                    if key == "reasoning_tokens" { usage.reasoning_tokens = try reader.int() }
                }
            }
        }
        self = usage
    }
}

/// What a model request asked for, read from its JSON body: the model and the sampling parameters the conventions
/// record. Message content is never kept.
struct GenAIRequestSummary: Sendable, Equatable {
    var model: String?
    var maxTokens: Int?
    var temperature: Double?
    var topP: Double?
    var topK: Int?
    var seed: Int?
    var frequencyPenalty: Double?
    var presencePenalty: Double?
    var stopSequences: [String]?
    var choiceCount: Int?
    var stream = false
    /// OpenAI-style streams report usage only when asked (`stream_options.include_usage`).
    var streamIncludesUsage = false

    /// The request read from `body`; an unreadable or absent body leaves every field unknown.
    init(body: UnsafeRawBufferPointer?, api: GenAIEndpoint.API) {
        guard let body, !body.isEmpty, body.count <= Self.maximumBodySize,
            let fields = try? Fields(json: body)
        else {
            // Ollama streams unless told not to.
            stream = api == .ollama
            return
        }
        model = fields.model
        maxTokens = fields.max_completion_tokens ?? fields.max_tokens ?? fields.options.num_predict
        temperature = fields.temperature ?? fields.options.temperature
        topP = fields.top_p ?? fields.options.top_p
        topK = fields.top_k ?? fields.options.top_k
        seed = fields.seed ?? fields.options.seed
        frequencyPenalty = fields.frequency_penalty
        presencePenalty = fields.presence_penalty
        stopSequences = fields.stop_sequences ?? fields.stop
        choiceCount = fields.n
        stream = fields.stream ?? (api == .ollama)
        streamIncludesUsage = api != .openAI || fields.include_usage == true
    }

    init() {}

    /// Request bodies larger than this are not read (a prompt of megabytes is not worth parsing for its model name).
    static let maximumBodySize = 4 << 20

    /// The union of the request fields of the OpenAI, Anthropic and Ollama APIs that the conventions record; the
    /// messages are stepped over.
    private struct Fields {
        var model: String?
        var max_tokens: Int?
        var max_completion_tokens: Int?
        var temperature: Double?
        var top_p: Double?
        var top_k: Int?
        var seed: Int?
        var frequency_penalty: Double?
        var presence_penalty: Double?
        var stop: [String]?
        var stop_sequences: [String]?
        var n: Int?
        var stream: Bool?
        var include_usage: Bool?
        var options = OllamaOptions()

        struct OllamaOptions {
            var temperature: Double?
            var top_p: Double?
            var top_k: Int?
            var seed: Int?
            var num_predict: Int?
        }

        init(json: UnsafeRawBufferPointer) throws {
            self = try JSONFieldReader.read(json) { reader in
                var fields = Fields()
                try reader.object { key, reader in
                    if key == "model" {
                        fields.model = try reader.string()
                    } else if key == "max_tokens" {
                        fields.max_tokens = try reader.int()
                    } else if key == "max_completion_tokens" {
                        fields.max_completion_tokens = try reader.int()
                    } else if key == "temperature" {
                        fields.temperature = try reader.double()
                    } else if key == "top_p" {
                        fields.top_p = try reader.double()
                    } else if key == "top_k" {
                        fields.top_k = try reader.int()
                    } else if key == "seed" {
                        fields.seed = try reader.int()
                    } else if key == "frequency_penalty" {
                        fields.frequency_penalty = try reader.double()
                    } else if key == "presence_penalty" {
                        fields.presence_penalty = try reader.double()
                    } else if key == "stop" {
                        fields.stop = try Self.strings(&reader)
                    } else if key == "stop_sequences" {
                        fields.stop_sequences = try Self.strings(&reader)
                    } else if key == "n" {
                        fields.n = try reader.int()
                    } else if key == "stream" {
                        fields.stream = try reader.bool()
                    } else if key == "stream_options" {
                        try reader.object { key, reader in
                            if key == "include_usage" { fields.include_usage = try reader.bool() }
                        }
                    } else if key == "options" {
                        try reader.object { key, reader in
                            if key == "temperature" {
                                fields.options.temperature = try reader.double()
                            } else if key == "top_p" {
                                fields.options.top_p = try reader.double()
                            } else if key == "top_k" {
                                fields.options.top_k = try reader.int()
                            } else if key == "seed" {
                                fields.options.seed = try reader.int()
                            } else if key == "num_predict" {
                                fields.options.num_predict = try reader.int()
                            }
                        }
                    }
                }
                return fields
            }
        }

        private init() {}

        /// `"stop": "x"` or `"stop": ["x", "y"]`; nil when any element is not a string.
        private static func strings(_ reader: inout JSONFieldReader) throws -> [String]? {
            if let one = try reader.stringIfPresent() { return [one] }
            var values: [String]? = []
            let isArray = try reader.array { reader in
                guard let value = try reader.string() else { return values = nil }
                values?.append(value)
            }
            return isArray ? values : nil
        }
    }
}

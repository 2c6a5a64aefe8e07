#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
            let fields = try? JSONDecoder().decode(Fields.self, from: Data(body))
        else {
            // Ollama streams unless told not to.
            stream = api == .ollama
            return
        }
        model = fields.model
        maxTokens = fields.max_completion_tokens ?? fields.max_tokens ?? fields.options?.num_predict
        temperature = fields.temperature ?? fields.options?.temperature
        topP = fields.top_p ?? fields.options?.top_p
        topK = fields.top_k ?? fields.options?.top_k
        seed = fields.seed ?? fields.options?.seed
        frequencyPenalty = fields.frequency_penalty
        presencePenalty = fields.presence_penalty
        stopSequences = fields.stop_sequences ?? fields.stop?.values
        choiceCount = fields.n
        stream = fields.stream ?? (api == .ollama)
        streamIncludesUsage = api != .openAI || fields.stream_options?.include_usage == true
    }

    init() {}

    /// Request bodies larger than this are not read (a prompt of megabytes is not worth parsing for its model name).
    static let maximumBodySize = 4 << 20

    /// The union of the request fields of the OpenAI, Anthropic and Ollama APIs that the conventions record.
    private struct Fields: Decodable {
        var model: String?
        var max_tokens: Int?
        var max_completion_tokens: Int?
        var temperature: Double?
        var top_p: Double?
        var top_k: Int?
        var seed: Int?
        var frequency_penalty: Double?
        var presence_penalty: Double?
        var stop: OneOrMany?
        var stop_sequences: [String]?
        var n: Int?
        var stream: Bool?
        var stream_options: StreamOptions?
        var options: OllamaOptions?

        struct StreamOptions: Decodable { var include_usage: Bool? }
        struct OllamaOptions: Decodable {
            var temperature: Double?
            var top_p: Double?
            var top_k: Int?
            var seed: Int?
            var num_predict: Int?
        }
    }

    /// `"stop": "x"` or `"stop": ["x", "y"]`.
    private struct OneOrMany: Decodable {
        var values: [String]
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { values = [one] } else { values = try container.decode([String].self) }
        }
    }
}

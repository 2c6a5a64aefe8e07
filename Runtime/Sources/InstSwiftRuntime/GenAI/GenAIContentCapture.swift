#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Opt-in capture of prompts and completions (`OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`, the variable
/// the Python and Go instrumentations read): `gen_ai.input.messages` and `gen_ai.output.messages` in the conventions'
/// JSON shape (`[{"role": ..., "parts": [{"type": "text", "content": ...}]}]`). Off by default. When on, text is
/// redacted — API-key and bearer-token shapes always, plus `INSTSWIFT_GENAI_REDACT` patterns (regular expressions
/// separated by `;;`) — and each attribute is cut at `INSTSWIFT_GENAI_CONTENT_MAX_LENGTH` characters (16,384).
struct GenAIContentCapture: @unchecked Sendable {
    var maximumLength: Int
    /// Compiled once; a pattern that does not compile is left out. (`Regex` is not `Sendable`; these are only read.)
    var redactions: [Regex<AnyRegexOutput>]

    init(maximumLength: Int, redactions patterns: [String]) {
        self.maximumLength = maximumLength
        redactions = patterns.compactMap { try? Regex($0) }
    }

    /// The capture the environment asks for, or nil (the default: nothing is captured).
    static let configured: GenAIContentCapture? = {
        func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        guard value("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT")?.lowercased() == "true" else { return nil }
        let extra = (value("INSTSWIFT_GENAI_REDACT") ?? "").components(separatedBy: ";;").filter { !$0.isEmpty }
        return GenAIContentCapture(
            maximumLength: value("INSTSWIFT_GENAI_CONTENT_MAX_LENGTH").flatMap(Int.init).map { max(64, $0) } ?? 16_384,
            redactions: defaultRedactions + extra
        )
    }()

    /// API keys (`sk-...`, `sk-ant-...`) and bearer tokens.
    static let defaultRedactions = [#"sk-[A-Za-z0-9_\-]{12,}"#, #"(?i)bearer\s+[A-Za-z0-9._~+/\-]+=*"#]

    /// `text` with every redaction pattern replaced by `[REDACTED]`.
    func redact(_ text: String) -> String {
        redactions.reduce(text) { $0.replacing($1, with: "[REDACTED]") }
    }

    /// Messages as the conventions' JSON, redacted and cut to the maximum length.
    func attribute(_ messages: [Message]) -> String? {
        guard !messages.isEmpty else { return nil }
        let redacted = messages.map { message in
            Message(
                role: message.role, parts: message.parts.map { Part(type: $0.type, content: $0.content.map(redact), name: $0.name) },
                finish_reason: message.finish_reason)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(redacted) else { return nil }
        let json = String(decoding: data, as: UTF8.self)
        return json.count > maximumLength ? String(json.prefix(maximumLength)) + "…[truncated]" : json
    }

    struct Message: Codable, Sendable {
        var role: String
        var parts: [Part]
        var finish_reason: String?
    }

    struct Part: Codable, Sendable {
        var type: String
        var content: String?
        var name: String?
    }

    // MARK: Reading messages

    /// The request's messages (OpenAI `messages`, Anthropic `system` + `messages`, Ollama `messages`/`prompt`).
    static func inputMessages(_ body: UnsafeRawBufferPointer?) -> [Message] {
        guard let body, !body.isEmpty, let request = try? JSONDecoder().decode(RequestContent.self, from: Data(body)) else { return [] }
        var messages: [Message] = []
        if let system = request.system?.text { messages.append(Message(role: "system", parts: [Part(type: "text", content: system)])) }
        for message in request.messages ?? [] {
            var parts: [Part] = []
            if let text = message.content?.text { parts.append(Part(type: "text", content: text)) }
            for call in message.tool_calls ?? [] { parts.append(Part(type: "tool_call", content: nil, name: call.function?.name)) }
            messages.append(Message(role: message.role ?? "user", parts: parts))
        }
        if let prompt = request.prompt { messages.append(Message(role: "user", parts: [Part(type: "text", content: prompt)])) }
        return messages
    }

    /// Text and tool calls of one response body or stream chunk.
    struct OutputPiece: Decodable {
        var choices: [Choice]?
        var content: Content?
        var message: ChoiceMessage?
        var delta: Delta?
        var response: String?

        struct Choice: Decodable {
            var delta: ChoiceMessage?
            var message: ChoiceMessage?
            var text: String?
        }
        struct ChoiceMessage: Decodable {
            var content: Content?
            var tool_calls: [ToolCall]?
        }
        struct Delta: Decodable { var text: String? }

        var text: String {
            var text = ""
            for choice in choices ?? [] {
                text += (choice.delta?.content ?? choice.message?.content)?.text ?? choice.text ?? ""
            }
            text += content?.text ?? ""
            text += message?.content?.text ?? ""
            text += delta?.text ?? ""
            text += response ?? ""
            return text
        }

        var toolNames: [String] {
            (choices ?? []).flatMap { ($0.delta?.tool_calls ?? $0.message?.tool_calls ?? []).compactMap { $0.function?.name } }
        }
    }

    private struct RequestContent: Decodable {
        var system: Content?
        var messages: [RequestMessage]?
        var prompt: String?
    }

    private struct RequestMessage: Decodable {
        var role: String?
        var content: Content?
        var tool_calls: [ToolCall]?
    }

    struct ToolCall: Decodable {
        struct Function: Decodable { var name: String? }
        var function: Function?
    }

    /// Content as a string, or as a list of typed blocks whose text parts are joined.
    struct Content: Decodable {
        var text: String?
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else if let blocks = try? container.decode([Block].self) {
                text = blocks.compactMap(\.text).joined()
            }
        }
        struct Block: Decodable { var text: String? }
    }
}

/// A model API endpoint recognised from a request's URL: which operation it performs, which provider serves it and
/// which wire format its responses use.
struct GenAIEndpoint: Sendable, Equatable {
    /// The wire format, which decides how request and response bodies are read.
    enum API: Sendable, Equatable {
        /// `/chat/completions`, `/completions`, `/embeddings` of OpenAI and every OpenAI-compatible server.
        case openAI
        /// Anthropic's `/v1/messages`.
        case anthropic
        /// Ollama's native `/api/chat` and `/api/generate` (newline-delimited JSON streams).
        case ollama
    }

    var api: API
    /// `gen_ai.operation.name`: `chat`, `text_completion`, `embeddings`.
    var operation: String
    /// `gen_ai.provider.name`.
    var provider: String
    var host: String
    var port: Int?

    /// The endpoint `url` calls, or nil when it is not a model API this runtime knows. Only POST requests are calls.
    static func recognise(method: String, url: String, providers: GenAIProviderTable = .shared) -> GenAIEndpoint? {
        guard method == "POST", let parts = URLParts(url) else { return nil }
        let path = parts.path.hasSuffix("/") ? String(parts.path.dropLast()) : parts.path
        let api: API
        let operation: String
        if path.hasSuffix("/chat/completions") {
            (api, operation) = (.openAI, "chat")
        } else if path.hasSuffix("/completions") {
            (api, operation) = (.openAI, "text_completion")
        } else if path.hasSuffix("/embeddings") {
            (api, operation) = (.openAI, "embeddings")
        } else if path.hasSuffix("/v1/messages") {
            (api, operation) = (.anthropic, "chat")
        } else if path.hasSuffix("/api/chat") {
            (api, operation) = (.ollama, "chat")
        } else if path.hasSuffix("/api/generate") {
            (api, operation) = (.ollama, "text_completion")
        } else if path.hasSuffix("/api/embed") {
            (api, operation) = (.ollama, "embeddings")
        } else {
            return nil
        }
        let provider = providers.provider(host: parts.host, path: path) ?? Self.fallbackProvider(api)
        return GenAIEndpoint(api: api, operation: operation, provider: provider, host: parts.host, port: parts.port)
    }

    /// The provider of an unknown host: the conventions' `openai` is wrong for a self-hosted server, so the wire
    /// format's owner is named only where it is the only server of that format.
    static func fallbackProvider(_ api: API) -> String {
        switch api {
        case .openAI: "openai"
        case .anthropic: "anthropic"
        case .ollama: "ollama"
        }
    }
}

/// The scheme, host, port and path of an absolute URL, without Foundation.
struct URLParts: Equatable {
    var scheme: String
    var host: String
    var port: Int?
    var path: String

    init?(_ url: String) {
        let characters = Array(url.utf8)
        guard let colon = characters.firstIndex(of: UInt8(ascii: ":")), characters[colon...].starts(with: Array("://".utf8)) else {
            return nil
        }
        scheme = String(decoding: characters[..<colon], as: UTF8.self).lowercased()
        let rest = characters[(colon + 3)...]
        let authorityEnd = rest.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        var portText: ArraySlice<UInt8> = []
        if authority.first == UInt8(ascii: "["), let close = authority.firstIndex(of: UInt8(ascii: "]")) {
            host = String(decoding: authority[(authority.startIndex + 1)..<close], as: UTF8.self)
            let after = authority[(close + 1)...]
            if after.first == UInt8(ascii: ":") { portText = after.dropFirst() }
        } else if let portColon = authority.lastIndex(of: UInt8(ascii: ":")) {
            host = String(decoding: authority[..<portColon], as: UTF8.self)
            portText = authority[(portColon + 1)...]
        } else {
            host = String(decoding: authority, as: UTF8.self)
        }
        port = Int(String(decoding: portText, as: UTF8.self))
        host = host.lowercased()
        guard !host.isEmpty else { return nil }
        let pathAndQuery = rest[authorityEnd...]
        let pathEnd = pathAndQuery.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? pathAndQuery.endIndex
        path = String(decoding: pathAndQuery[..<pathEnd], as: UTF8.self)
        if port == nil { port = scheme == "https" ? 443 : scheme == "http" ? 80 : nil }
    }
}

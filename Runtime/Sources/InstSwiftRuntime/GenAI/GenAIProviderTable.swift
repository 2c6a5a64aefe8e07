#if canImport(Glibc)
import Glibc
#endif

/// Which `gen_ai.provider.name` a host belongs to. Built in for the public APIs; extended with
/// `INSTSWIFT_GENAI_PROVIDERS=host=provider,host=provider` (a suffix match: `example.com` covers `api.example.com`), so
/// a gateway or a self-hosted server gets the provider of the model it serves.
struct GenAIProviderTable: Sendable {
    /// Host suffix to provider, the longest suffix winning.
    var entries: [(suffix: String, provider: String)]

    static let builtIn: [(suffix: String, provider: String)] = [
        ("api.openai.com", "openai"),
        ("openai.azure.com", "azure.ai.openai"),
        ("api.anthropic.com", "anthropic"),
        ("api.deepseek.com", "deepseek"),
        ("dashscope.aliyuncs.com", "dashscope"),
        ("dashscope-intl.aliyuncs.com", "dashscope"),
        ("api.mistral.ai", "mistral_ai"),
        ("api.groq.com", "groq"),
        ("api.x.ai", "x_ai"),
        ("api.perplexity.ai", "perplexity"),
        ("generativelanguage.googleapis.com", "gcp.gemini"),
        ("api.together.xyz", "together_ai"),
        ("openrouter.ai", "openrouter"),
    ]

    static let shared = GenAIProviderTable(environment: getenv("INSTSWIFT_GENAI_PROVIDERS").map { String(cString: $0) })

    init(environment: String?) {
        var entries = Self.builtIn
        for pair in (environment ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces().lowercased() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { continue }
            entries.insert((parts[0], parts[1]), at: 0)
        }
        self.entries = entries
    }

    func provider(host: String, path: String) -> String? {
        var best: (length: Int, provider: String)?
        for entry in entries where host == entry.suffix || host.hasSuffix("." + entry.suffix) {
            if best == nil || entry.suffix.count > best!.length { best = (entry.suffix.count, entry.provider) }
        }
        return best?.provider
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Prices of model tokens, for the estimated cost of a call (`instswift.gen_ai.cost.usd`; the conventions have no
/// cost attribute). The built-in prices are list prices in US dollars per million tokens, as published in 2026; a
/// project's `.instswift.yml` (`genai-prices:`, set at the program's entry point through
/// ``InstSwift/setGenAIPrices(_:)``) adds or replaces entries, and a deployment's
/// `INSTSWIFT_GENAI_PRICES=model=input/output[/cached-input],...` wins over both. A model matches its entry exactly or by the longest entry that is a prefix of it
/// (`gpt-4o-mini-2024-07-18` is priced as `gpt-4o-mini`); a model with no price gets no cost, never a guess.
struct GenAIPriceTable: Sendable {
    struct Price: Sendable, Equatable {
        var input: Double
        var output: Double
        /// Cached input tokens (prompt caching); the input price when the provider has no discount.
        var cachedInput: Double
    }

    var prices: [String: Price]

    static let builtIn: [String: Price] = [
        "gpt-4o": Price(input: 2.50, output: 10.00, cachedInput: 1.25),
        "gpt-4o-mini": Price(input: 0.15, output: 0.60, cachedInput: 0.075),
        "gpt-4.1": Price(input: 2.00, output: 8.00, cachedInput: 0.50),
        "gpt-4.1-mini": Price(input: 0.40, output: 1.60, cachedInput: 0.10),
        "gpt-4.1-nano": Price(input: 0.10, output: 0.40, cachedInput: 0.025),
        "o3": Price(input: 2.00, output: 8.00, cachedInput: 0.50),
        "o4-mini": Price(input: 1.10, output: 4.40, cachedInput: 0.275),
        "text-embedding-3-small": Price(input: 0.02, output: 0, cachedInput: 0.02),
        "text-embedding-3-large": Price(input: 0.13, output: 0, cachedInput: 0.13),
        "claude-opus-4": Price(input: 15.00, output: 75.00, cachedInput: 1.50),
        "claude-sonnet-4": Price(input: 3.00, output: 15.00, cachedInput: 0.30),
        "claude-3-5-haiku": Price(input: 0.80, output: 4.00, cachedInput: 0.08),
        "deepseek-chat": Price(input: 0.27, output: 1.10, cachedInput: 0.07),
        "deepseek-reasoner": Price(input: 0.55, output: 2.19, cachedInput: 0.14),
    ]

    private static let current = Mutex(GenAIPriceTable(project: nil, environment: Self.environment))
    private static var environment: String? { getenv("INSTSWIFT_GENAI_PRICES").map { String(cString: $0) } }

    /// The prices in force.
    static var shared: GenAIPriceTable { current.withLock { $0 } }

    /// Takes the project's prices (see ``InstSwift/setGenAIPrices(_:)``); the environment's still win.
    static func setProjectPrices(_ project: String) {
        let table = GenAIPriceTable(project: project, environment: environment)
        current.withLock { $0 = table }
    }

    /// The built-in prices, then the project's, then the environment's, each a `model=input/output[/cached-input],...`
    /// list (an entry that does not read as one is skipped).
    init(project: String? = nil, environment: String?) {
        var prices = Self.builtIn
        for list in [project, environment] {
            for entry in (list ?? "").split(separator: ",") {
                let parts = entry.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let numbers = parts[1].split(separator: "/").compactMap { Double($0.trimmingSpaces()) }
                guard numbers.count == 2 || numbers.count == 3, numbers.allSatisfy({ $0 >= 0 && $0.isFinite }) else { continue }
                prices[parts[0].trimmingSpaces()] = Price(
                    input: numbers[0], output: numbers[1], cachedInput: numbers.count == 3 ? numbers[2] : numbers[0]
                )
            }
        }
        self.prices = prices
    }

    func price(of model: String) -> Price? {
        if let exact = prices[model] { return exact }
        // A dated or tagged variant of a priced model: `gpt-4o-2024-08-06`, `llama3:8b`, `claude@20240620`.
        var best: (name: String, price: Price)?
        for (name, price) in prices where name.utf8.count > best?.name.utf8.count ?? -1 && model.utf8.count > name.utf8.count {
            guard model.utf8.starts(with: name.utf8) else { continue }
            let next = model.utf8[model.utf8.index(model.utf8.startIndex, offsetBy: name.utf8.count)]
            if next == UInt8(ascii: "-") || next == UInt8(ascii: ":") || next == UInt8(ascii: "@") { best = (name, price) }
        }
        return best?.price
    }

    /// The estimated cost in US dollars, or nil when the model has no price or no tokens were reported.
    func cost(model: String?, _ usage: GenAIResponseSummary) -> Double? {
        guard let model, let price = price(of: model), usage.inputTokens != nil || usage.outputTokens != nil else { return nil }
        let input = Double(usage.inputTokens ?? 0)
        let cached = Double(min(usage.cacheReadInputTokens ?? 0, usage.inputTokens ?? 0))
        let output = Double(usage.outputTokens ?? 0)
        return ((input - cached) * price.input + cached * price.cachedInput + output * price.output) / 1_000_000
    }
}

extension InstSwift {
    /// Sets the project's model prices, `model=input/output[/cached-input],...` in US dollars per million tokens. The
    /// build calls it at the program's entry point with the `genai-prices:` of `.instswift.yml`;
    /// `INSTSWIFT_GENAI_PRICES` still wins over them.
    public static func setGenAIPrices(_ prices: String) {
        GenAIPriceTable.setProjectPrices(prices)
    }
}

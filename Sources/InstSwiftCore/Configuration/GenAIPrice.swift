import Yams

/// One model's price in `.instswift.yml`, in US dollars per million tokens:
///
/// ```yaml
/// genai-prices:
///   team-model: {input: 0.5, output: 1.5, cached-input: 0.1}
/// ```
///
/// The build hands them to the runtime at the program's entry point (`InstSwift.setGenAIPrices`), where they add to or
/// replace the built-in prices; `INSTSWIFT_GENAI_PRICES` still wins at run time.
public struct GenAIPrice: Equatable, Sendable {
    public var model: String
    public var input: Double
    public var output: Double
    /// Cached input tokens; the input price when not given.
    public var cachedInput: Double?

    public init(model: String, input: Double, output: Double, cachedInput: Double?) {
        self.model = model
        self.input = input
        self.output = output
        self.cachedInput = cachedInput
    }

    static let keys = ["input", "output", "cached-input"]

    /// Reads the `genai-prices:` mapping, reporting every mistake where it is.
    static func read(_ node: Node, _ reader: YAMLReader) -> [GenAIPrice] {
        guard let mapping = node.mapping else {
            reader.error("genai-prices must map model names to prices, e.g. 'my-model: {input: 0.5, output: 1.5}' (US dollars per million tokens)", at: node)
            return []
        }
        var prices: [GenAIPrice] = []
        var seen = Set<String>()
        for (key, value) in mapping {
            guard let model = key.scalar?.string, !model.isEmpty, model.allSatisfy({ $0.isLetter || $0.isNumber || "-._:@/+".contains($0) }) else {
                reader.error("'\(key.scalar?.string ?? "")' is not a model name: use letters, digits and - . _ : @ / +", at: key)
                continue
            }
            guard seen.insert(model).inserted else {
                reader.error("duplicate model '\(model)' in genai-prices", at: key)
                continue
            }
            if let price = read(model, value, reader) { prices.append(price) }
        }
        return prices
    }

    private static func read(_ model: String, _ value: Node, _ reader: YAMLReader) -> GenAIPrice? {
        guard value.mapping != nil else {
            reader.error(
                "the price of '\(model)' must be a mapping with input and output (and optionally cached-input), in US dollars per million tokens", at: value)
            return nil
        }
        guard let fields = reader.mapping(value, "the price of '\(model)'", allowed: keys) else { return nil }
        var numbers: [String: Double] = [:]
        var valid = !fields.hadUnknownKeys
        for (name, _, number) in fields.entries {
            guard let text = number.scalar?.string, let amount = Double(text), amount >= 0, amount.isFinite else {
                reader.error("\(name) of '\(model)' must be a non-negative number of US dollars per million tokens", at: number)
                valid = false
                continue
            }
            numbers[name] = amount
        }
        guard let input = numbers["input"], let output = numbers["output"] else {
            if valid { reader.error("the price of '\(model)' needs both input and output", at: value) }
            return nil
        }
        return valid ? GenAIPrice(model: model, input: input, output: output, cachedInput: numbers["cached-input"]) : nil
    }
}

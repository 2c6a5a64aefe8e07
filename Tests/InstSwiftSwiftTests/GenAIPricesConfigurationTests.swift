import Foundation
@testable import InstSwiftBuild
import InstSwiftCore
import InstSwiftSwift
import Testing

/// `genai-prices:` in `.instswift.yml`: read with the location of each mistake, and turned into an entry-point rule.
@Suite struct GenAIPricesConfigurationTests {
    func load(_ yaml: String) throws -> ProjectConfiguration {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-prices-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try yaml.write(toFile: root + "/.instswift.yml", atomically: true, encoding: .utf8)
        return try ProjectConfiguration.load(packageRoot: root)
    }

    func error(_ yaml: String) -> String {
        do {
            _ = try load(yaml)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func pricesBecomeOneRuleAtTheEntryPoint() throws {
        let configuration = try load(
            """
            genai-prices:
              team-model: {input: 0.5, output: 1.5, cached-input: 0.1}
              meta-llama/Llama-3.1-8B: {input: 1, output: 2}
            """)
        #expect(
            configuration.genAIPrices == [
                GenAIPrice(model: "team-model", input: 0.5, output: 1.5, cachedInput: 0.1),
                GenAIPrice(model: "meta-llama/Llama-3.1-8B", input: 1, output: 2, cachedInput: nil),
            ])
        let rules = try #require(GenAIPrice.rules(configuration.genAIPrices))
        #expect(rules.contains(#"InstSwift.setGenAIPrices("team-model=0.5/1.5/0.1,meta-llama/Llama-3.1-8B=1.0/2.0")"#))
        let loaded = try RuleFileLoader(validator: SwiftFrontend().codeValidator).parse(rules, file: "genai-prices.yml")
        #expect(loaded.rules.map(\.id) == ["instswift.genai-prices"])
        #expect(GenAIPrice.rules([]) == nil)
    }

    @Test(arguments: [
        ("genai-prices:\n  m: {input: 1}\n", ":2:6: error: the price of 'm' needs both input and output"),
        (
            "genai-prices:\n  m: {input: 1, output: 2, cached_input: 1}\n",
            ":2:28: error: unknown key 'cached_input' in the price of 'm' (did you mean 'cached-input'?)"
        ),
        ("genai-prices:\n  m: {input: -1, output: 2}\n", ":2:14: error: input of 'm' must be a non-negative number"),
        ("genai-prices:\n  m: {input: free, output: 2}\n", ":2:14: error: input of 'm' must be a non-negative number"),
        ("genai-prices:\n  'my model': {input: 1, output: 2}\n", ":2:3: error: 'my model' is not a model name"),
        ("genai-prices:\n  m: 0.5\n", ":2:6: error: the price of 'm' must be a mapping"),
        ("genai-prices: [m]\n", ":1:15: error: genai-prices must map model names to prices"),
    ])
    func mistakesAreReportedWhereTheyAre(_ yaml: String, _ expected: String) {
        let message = error(yaml)
        #expect(message.contains(".instswift.yml" + expected), "\(message)")
    }
}

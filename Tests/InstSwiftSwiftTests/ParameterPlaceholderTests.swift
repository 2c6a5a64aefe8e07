import InstSwiftCore
import InstSwiftSwift
import Testing

/// `{parameter:LABEL}` in a template: a parameter named by its label, checked when the rules load and where it is used.
@Suite struct ParameterPlaceholderTests {
    func rules(_ template: String) throws -> RuleSet {
        try RuleFileLoader(validator: SwiftFrontend().codeValidator).parse(
            """
            rules:
              - id: completions
                where: {function: {name: urlSession}}
                advice:
                  - insert: {before: '\(template)'}
            """, file: "rules.yml")
    }

    @Test func aPlaceholderWithoutALabelIsALocatedError() throws {
        let error = try #require(throws: Diagnostics.self) { try rules("seen({parameter:})") }
        #expect(
            error.all.map(\.description) == [
                "rules.yml:5:26: error: [completions] '{parameter:}' needs the argument label of a parameter, such as '{parameter:task}'"
            ])
        #expect(throws: Diagnostics.self) { try rules("seen({parameter:_})") }
    }

    @Test func aParameterNamedUnderscoreLeavesTheTemplateOutWithAWarning() throws {
        let source = "func urlSession(_ s: Int, task _: Int) {}\nfunc seen(_ x: Int) {}\n"
        let result = SwiftFrontend().rewrite(
            source, file: FileContext(path: "D.swift", module: "App"), rules: try rules("seen({parameter:task})").rules, options: RewriteOptions())
        #expect(
            result.diagnostics.all.map(\.description) == [
                "D.swift:1:1: warning: [completions] function urlSession(_:task:) has no named parameter for a '{parameter:...}' "
                    + "of this rule's template, so the template is left out here (a parameter named '_' cannot be referred to)"
            ])
        #expect(result.output == nil || result.output == source)
    }

    /// A template's own braces (a closure) do not hide the placeholders inside them.
    @Test func placeholdersInsideATemplatesClosuresAreFilled() throws {
        let source = "func urlSession(_ s: Int, task t: Int) {}\nfunc seen(_ x: () -> Int) {}\n"
        let result = SwiftFrontend().rewrite(
            source, file: FileContext(path: "D.swift", module: "App"), rules: try rules("seen { {parameter:task} + 1 }").rules,
            options: RewriteOptions())
        #expect(result.diagnostics.all.isEmpty)
        #expect(result.output?.contains("seen { t + 1 }") == true, "\(result.output ?? "")")
        #expect(Placeholders.fill("{ {a} }{b}{", ["a": "1", "b": "2"]) == "{ 1 }2{")
    }
}

import Foundation
import InstSwiftTestSupport
import InstSwiftCore
import InstSwiftSwift
import Testing

/// Golden rewrite cases. Record new expectations with `INSTSWIFT_RECORD=1 swift test --filter RewriteFixtureTests`
/// and review them with `git diff`.
@Suite struct RewriteFixtureTests {
    @Test(arguments: RewriteCase.all)
    func rewriteMatchesExpectation(_ fixture: RewriteCase) throws {
        let (output, _) = try fixture.run()
        if isRecording {
            Issue.record(Comment(rawValue: try fixture.folder.record(output, as: "expected.swift")))
            return
        }
        let expected = try fixture.read("expected.swift")
        #expect(output == expected, "\(fixture.name): output differs from expected.swift\n\(diff(expected: expected, actual: output))")
    }

    @Test(arguments: RewriteCase.all)
    func removingInjectedRegionsGivesTheInputBack(_ fixture: RewriteCase) throws {
        let (output, result) = try fixture.run()
        guard result.output != nil else { return }
        let input = try fixture.read("input.swift")
        let stripped = InjectedRegion.strip(output)
        #expect(stripped == input, "\(fixture.name): \(diff(expected: input, actual: stripped))")
    }

    /// Insertions at one offset are applied in an order that keeps every injected region balanced (`{}` once closed
    /// its span before opening it).
    @Test(arguments: RewriteCase.all)
    func injectedRegionsNest(_ fixture: RewriteCase) throws {
        let (_, result) = try fixture.run()
        let unbalanced = EditApplier.firstUnbalancedEdit(in: result.edits)
        #expect(unbalanced == nil, "\(fixture.name): \(String(describing: unbalanced)) breaks the nesting of injected regions")
    }

    @Test(arguments: RewriteCase.all)
    func rewriteIsDeterministic(_ fixture: RewriteCase) throws {
        #expect(try fixture.run().output == fixture.run().output)
    }

    @Test func thereAreEnoughCases() {
        #expect(RewriteCase.all.count >= 60)
    }
}

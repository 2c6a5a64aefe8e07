import InstSwiftCore
import Testing

@Suite struct VersionRangeTests {
    @Test func rangeHoldsEveryComparator() throws {
        let range = try VersionRange.parse(">=1.20.0, <2.0.0").get()
        #expect(range.contains(SemanticVersion("1.33.2")!))
        #expect(!range.contains(SemanticVersion("2.0.0")!))
        #expect(!range.contains(SemanticVersion("1.19.9")!))
    }

    @Test func bareVersionMeansExactly() throws {
        let range = try VersionRange.parse("1.2").get()
        #expect(range.contains(SemanticVersion("1.2.0")!))
        #expect(!range.contains(SemanticVersion("1.2.1")!))
    }

    @Test func malformedComparatorIsExplained() {
        guard case .failure(let error) = VersionRange.parse(">=1.x") else { Issue.record("accepted"); return }
        #expect(error.message.contains("'>=1.x'"))
    }

    @Test func versionsParseLeniently() {
        #expect(SemanticVersion("v2.28.1-beta+7")?.description == "2.28.1")
        #expect(SemanticVersion("1.2.3.4") == nil)
    }
}

import InstSwiftCore
import Testing

@Suite struct EditApplierTests {
    @Test func nestedRegionsAtTheSameOffsetNestProperly() {
        // Outer region [0, 6), inner region [0, 3): outer opens first, inner closes first.
        let edits = [
            TextEdit(offset: 0, text: "<i>", role: .open(length: 3)),
            TextEdit(offset: 0, text: "<o>", role: .open(length: 6)),
            TextEdit(offset: 3, text: "</i>", role: .close(length: 3)),
            TextEdit(offset: 6, text: "</o>", role: .close(length: 6)),
        ]
        #expect(EditApplier.apply(edits, to: "abcdef") == "<o><i>abc</i>def</o>")
    }

    @Test func stripRemovesOnlyInjectedRegions() {
        let source = "func f() {" + InjectedRegion.wrap(" span {") + " body " + InjectedRegion.wrap("}") + "}"
        #expect(InjectedRegion.strip(source) == "func f() { body }")
    }

    /// `session?.data()`: the injected text must touch the `?`, so its region is counted rather than closed.
    @Test func stripRemovesCountedRegions() {
        let source = "session" + InjectedRegion.counted(".map { Façade.traced($0) }") + "?.data() " + InjectedRegion.wrap("x")
        #expect(source.hasPrefix("session/*<instswift+27>*/.map"))
        #expect(InjectedRegion.strip(source) == "session?.data() ")
    }

    @Test func stripKeepsAnUnclosedRegion() {
        #expect(InjectedRegion.strip("a /*<instswift>*/ b") == "a /*<instswift>*/ b")
    }

    @Test func multibyteTextKeepsOffsets() {
        let edits = [TextEdit(offset: "héllo".utf8.count, text: "!")]
        #expect(EditApplier.apply(edits, to: "héllo wörld") == "héllo! wörld")
    }
}

@Suite struct EmptyRegionTests {
    /// `func d() {}`: the span's region is empty, so it must open before it closes (it closed first, giving `{}{`).
    @Test func anEmptyRegionOpensBeforeItCloses() {
        let edits = [
            TextEdit(offset: 1, text: "}", role: .close(length: 0)),
            TextEdit(offset: 1, text: "{", role: .open(length: 0)),
        ]
        #expect(EditApplier.apply(edits, to: "{}") == "{{}}")
        #expect(EditApplier.firstUnbalancedEdit(in: edits) == nil)
    }

    @Test func emptyRegionsOfSeveralRulesNestInRuleOrder() {
        let edits = [
            TextEdit(offset: 1, text: ")", role: .close(length: 0), sequence: 1),
            TextEdit(offset: 1, text: "]", role: .close(length: 0), sequence: 0),
            TextEdit(offset: 1, text: "(", role: .open(length: 0), sequence: 1),
            TextEdit(offset: 1, text: "[", role: .open(length: 0), sequence: 0),
        ]
        #expect(EditApplier.apply(edits, to: "{}") == "{[()]}")
    }

    /// A region that ends where an empty one sits closes first; one that starts there opens after it.
    @Test func emptyRegionsSitBetweenEndingAndStartingRegions() {
        let edits = [
            TextEdit(offset: 0, text: "<a>", role: .open(length: 2)),
            TextEdit(offset: 2, text: "</a>", role: .close(length: 2)),
            TextEdit(offset: 2, text: "<e>", role: .open(length: 0)),
            TextEdit(offset: 2, text: "</e>", role: .close(length: 0)),
            TextEdit(offset: 2, text: "<b>", role: .open(length: 2)),
            TextEdit(offset: 4, text: "</b>", role: .close(length: 2)),
        ]
        #expect(EditApplier.apply(edits, to: "abcd") == "<a>ab</a><e></e><b>cd</b>")
        #expect(EditApplier.firstUnbalancedEdit(in: edits) == nil)
    }

    @Test func aCloserWithoutItsOpenerIsReported() {
        let edits = [TextEdit(offset: 1, text: "}", role: .close(length: 1))]
        #expect(EditApplier.firstUnbalancedEdit(in: edits) == edits[0])
    }
}

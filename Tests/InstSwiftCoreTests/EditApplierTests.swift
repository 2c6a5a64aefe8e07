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

    @Test func multibyteTextKeepsOffsets() {
        let edits = [TextEdit(offset: "héllo".utf8.count, text: "!")]
        #expect(EditApplier.apply(edits, to: "héllo wörld") == "héllo! wörld")
    }
}

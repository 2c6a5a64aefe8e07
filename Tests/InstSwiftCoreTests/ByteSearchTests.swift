import InstSwiftCore
import Testing

/// The byte search every prefilter uses: found wherever the needle is, whichever of its bytes the search pivots on.
@Suite struct ByteSearchTests {
    @Test(arguments: ["instswift:", "~Copyable", "Span", "bootstrap", "@main", "a", ":"])
    func findsTheNeedleAtEveryPosition(_ needle: String) {
        for prefix in ["", "x", "instswift", "~Copy Span", String(repeating: "s", count: 40)] {
            for suffix in ["", "y", " instswift", "~"] {
                #expect(containsBytes(prefix + needle + suffix, needle), "\(prefix)|\(needle)|\(suffix)")
            }
        }
    }

    @Test func missesWhatIsNotThere() {
        #expect(!containsBytes("instswift; ~Copyabl Spa bootstra", "instswift:"))
        #expect(!containsBytes("~Copyabl", "~Copyable"))
        #expect(!containsBytes("Spa", "Span"))
        #expect(!containsBytes("", "a"))
        // The pivot byte occurs where the needle could not fit before it.
        #expect(!containsBytes(":nstswift", "instswift:"))
        #expect(containsBytes("anything", ""))
    }
}

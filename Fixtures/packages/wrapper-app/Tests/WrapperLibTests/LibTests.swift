import Testing
import WrapperLib

@Test func computeTriplesAndAddsOne() {
    #expect(Calculator().compute(4) == 13)
}

import Testing
import InstSwiftCore

@Test func globMatchesSegments() {
    #expect(Glob("Sources/*/Handlers/**").matches("Sources/App/Handlers/a/b.swift"))
    #expect(!Glob("*.swift").matches("a/b.swift"))
    #expect(Glob("{save,delete}*").matches("deleteUser"))
}

import Foundation
import InstSwiftCore
import Testing

@Test func globMatchesSegments() {
    #expect(Glob("Sources/*/Handlers/**").matches("Sources/App/Handlers/a/b.swift"))
    #expect(!Glob("*.swift").matches("a/b.swift"))
    #expect(Glob("{save,delete}*").matches("deleteUser"))
}

@Suite struct GlobSemanticsTests {
    @Test(arguments: [
        ("a?c", "abc", true), ("a?c", "a/c", false), ("a*c", "abbbc", true), ("a*c", "ab/c", false),
        ("a**c", "ab/c", true), ("**/x.swift", "a/b/x.swift", true), ("{a,b{c,d}}e", "bde", true),
        ("{a,b{c,d}}e", "be", false), ("{a,}x", "x", true), ("x{", "x{", true), ("x{a", "x{a", true), ("x}", "x}", true),
        ("*Controller", "UserController", true), ("handle*", "handler", true), ("*", "", true), ("", "", true),
        ("a{b,c}*d", "acxyzd", true), ("a{b,c}*d", "axd", false), ("é*ü", "éöü", true),
    ])
    func matches(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(text) == expected, "\(pattern) ~ \(text)")
    }

    @Test func alternativesAreSpelledOutUpToALimit() {
        #expect(Glob("C{Yaml,Json}").expandedAlternatives == ["CYaml", "CJson"])
        #expect(Glob("{a,b{c,d}}").expandedAlternatives == ["a", "bc", "bd"])
        #expect(Glob(String(repeating: "{a,b}", count: 7)).expandedAlternatives == nil)
    }
}

/// RELIABILITY-FINDINGS D5, D7: patterns whose cost was exponential.
@Suite struct GlobCostTests {
    /// Thirty `{a,b}` groups expanded to 2^30 alternatives at load: memory ran out after 90 s.
    @Test func braceGroupsAreNotExpanded() {
        let glob = Glob(String(repeating: "{a,b}", count: 30))
        #expect(glob.matches(String(repeating: "ab", count: 15)))
        #expect(!glob.matches(String(repeating: "ab", count: 14)))
    }

    /// `*a*a*a*a*a*a*a*a*b` against a 40-character name took 6.8 s by backtracking.
    @Test func manyStarsMatchInLinearTime() {
        let glob = Glob("*a*a*a*a*a*a*a*a*a*a*b")
        let name = String(repeating: "a", count: 40)
        let started = Date()
        for _ in 0..<200 { #expect(!glob.matches(name)) }
        #expect(Date().timeIntervalSince(started) < 2, "200 matches took \(Date().timeIntervalSince(started)) s")
    }
}

import InstSwiftCore
import Testing

@Test func suggestsTheClosestKey() {
    #expect(Suggestion.closest(to: "funtion", in: ["function", "call"]) == "function")
    #expect(Suggestion.closest(to: "zzz", in: ["function", "call"]) == nil)
}

@Test func diagnosticRendersCompilerStyle() {
    let d = Diagnostic(.error, "unknown key 'x'", at: SourceLocation(file: "r.yml", line: 3, column: 7), rule: "id")
    #expect(d.description == "r.yml:3:7: error: [id] unknown key 'x'")
}

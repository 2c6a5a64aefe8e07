import Foundation
@testable import InstSwiftBuild
import InstSwiftTestSupport
import Testing

/// `swift test --enable-code-coverage` under instswift: the export names the user's files with the plain build's lines,
/// functions and summaries. `Fixtures/coverage/calc` holds a small library (`Calc.swift`), the copy instswift compiled
/// of it with every function in a span, and the two exports llvm-cov made of the same tests: plain and instrumented.
@Suite struct CoverageExportTests {
    static let folder = FixtureFolder(suite: "coverage", name: "calc")
    static let original = "/original/Sources/Calc/Calc.swift"
    static let copyName = "/work/sources/Calc/1456f13d9dc3ea55/Calc.instswift.swift"

    func export(_ name: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(Self.folder.read(name).utf8)) as? [String: Any])
    }

    func copy() throws -> CoverageSourceCopy {
        let original = Array(try Self.folder.read("Calc.swift").utf8)
        return try #require(
            CoverageSourceCopy(copy: Array(try Self.folder.read("Calc.instswift.swift").utf8), readFile: { $0 == Self.original ? original : nil }))
    }

    func element(_ export: [String: Any]) throws -> [String: Any] {
        try #require((export["data"] as? [[String: Any]])?.first)
    }

    @Test func positionsOfTheCopyAreTheOriginals() throws {
        let copy = try copy()
        #expect(copy.originalPath == Self.original)
        // The header line is injected, at the original's start; line 2 is the original's line 1.
        #expect(copy.position(line: 1, column: 5) == .init(line: 1, column: 1, injected: true))
        #expect(copy.position(line: 2, column: 8) == .init(line: 1, column: 8, injected: false))
        // `{` of `add` (column 48), the span closure's `{` injected after it, and the original's next line.
        #expect(copy.position(line: 4, column: 48) == .init(line: 3, column: 48, injected: false))
        #expect(copy.position(line: 4, column: 103) == .init(line: 3, column: 49, injected: true))
        #expect(copy.position(line: 5, column: 9) == .init(line: 4, column: 9, injected: false))
        // The closure's injected `}` is where the original's `}` is; one past the line's end stays one past it.
        #expect(copy.position(line: 6, column: 21) == .init(line: 5, column: 5, injected: true))
        #expect(copy.position(line: 6, column: 38) == .init(line: 5, column: 6, injected: false))
    }

    @Test func theExportOfTheInstrumentedTestsIsThePlainOne() throws {
        let copy = try copy()
        let (bytes, count) = try CoverageExport.map(Array(try Self.folder.read("instrumented.json").utf8)) { $0 == Self.copyName ? copy : nil }
        #expect(count == 1)
        let mapped = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let plain = try element(try export("plain.json")), result = try element(mapped)

        let file = try #require((result["files"] as? [[String: Any]])?.first)
        let plainFile = try #require((plain["files"] as? [[String: Any]])?.first)
        #expect(file["filename"] as? String == Self.original)
        for key in ["lines", "functions", "instantiations", "regions"] {
            #expect(
                NSDictionary(dictionary: (file["summary"] as? [String: Any]) ?? [:]).object(forKey: key) as? NSDictionary
                    == NSDictionary(dictionary: (plainFile["summary"] as? [String: Any]) ?? [:]).object(forKey: key) as? NSDictionary, "\(key)")
        }
        // The plain build's functions, each with its regions: the span closures are folded into them.
        func functions(_ element: [String: Any]) -> [String] {
            ((element["functions"] as? [[String: Any]]) ?? []).map { function in
                "\(function["name"] ?? "") \(function["count"] ?? "") \(function["regions"] ?? "") \(function["filenames"] ?? "")"
            }
        }
        #expect(functions(result) == functions(plain))
        #expect(
            NSDictionary(dictionary: result["totals"] as? [String: Any] ?? [:]).isEqual(to: plain["totals"] as? [String: Any] ?? [:]))
        // Every plain segment is there, at its place (the copy's adds a few inside lines, where spans begin and end).
        let segments = ((file["segments"] as? [[Any]]) ?? []).map { "\($0)" }
        for segment in (plainFile["segments"] as? [[Any]]) ?? [] { #expect(segments.contains("\(segment)")) }
    }

    /// Entries of other files (every dependency's, most of a real export) are copied as bytes, however they are written.
    @Test func entriesOfOtherFilesStayByteForByte() throws {
        let copy = try copy()
        let other = #"{"filename":"/deps/A\u00e4 \"q\" [x].swift","segments":[[1,2,3,true,true,false]],"summary":{}}"#
        let text = try Self.folder.read("instrumented.json").replacingOccurrences(of: "\"files\": [", with: "\"files\": [\(other), ")
        let (bytes, count) = try CoverageExport.map(Array(text.utf8)) { $0 == Self.copyName ? copy : nil }
        #expect(count == 1)
        #expect(String(decoding: bytes, as: UTF8.self).contains("[" + other + ","))
        let mapped = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let files = try element(mapped)["files"] as? [[String: Any]] ?? []
        #expect(files.map { $0["filename"] as? String } == ["/deps/Aä \"q\" [x].swift", Self.original])
        // Nothing to map: the export is left as it is.
        #expect(try CoverageExport.map(Array(text.utf8)) { _ in nil }.mappedFiles == 0)
    }

    /// A function wholly inside injected text (a rule's `declare` helper, appended to the copy) is instswift's: it goes,
    /// and the file's summaries stay the plain run's.
    @Test func functionsOfInjectedCodeAreLeftOut() throws {
        let copy = try copy()
        // As llvm-cov would export it: a function on line 4 of the copy, columns 60-90 (inside the span closure's
        // injected opening), counted in the file's summaries.
        var document = try export("instrumented.json")
        var data = try element(document)
        let helper: [String: Any] = ["count": 5, "filenames": [Self.copyName], "name": "helper", "regions": [[4, 60, 4, 90, 5, 0, 0, 0]], "branches": []]
        data["functions"] = [helper] + (data["functions"] as? [[String: Any]] ?? [])
        var file = (data["files"] as? [[String: Any]])?.first ?? [:]
        var fileSummary = file["summary"] as? [String: Any] ?? [:]
        for key in ["functions", "instantiations"] {
            var counts = fileSummary[key] as? [String: Any] ?? [:]
            counts["count"] = (counts["count"] as? Int ?? 0) + 1
            counts["covered"] = (counts["covered"] as? Int ?? 0) + 1
            fileSummary[key] = counts
        }
        file["summary"] = fileSummary
        data["files"] = [file]
        document["data"] = [data]
        let (bytes, _) = try CoverageExport.map(Array(try JSONSerialization.data(withJSONObject: document))) { $0 == Self.copyName ? copy : nil }
        let mapped = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let result = try element(mapped), plain = try element(try export("plain.json"))
        #expect(
            ((result["functions"] as? [[String: Any]]) ?? []).map { $0["name"] as? String }
                == ((plain["functions"] as? [[String: Any]]) ?? []).map { $0["name"] as? String })
        let summary = ((result["files"] as? [[String: Any]])?.first?["summary"] as? [String: Any])?["functions"] as? [String: Any] ?? [:]
        let plainSummary = ((plain["files"] as? [[String: Any]])?.first?["summary"] as? [String: Any])?["functions"] as? [String: Any] ?? [:]
        let same = NSDictionary(dictionary: summary).isEqual(to: plainSummary)
        #expect(same, "\(summary) \(plainSummary)")
    }

    @Test func theScannerFindsValuesWithoutReadingThem() throws {
        let text = #" { "a" : [1, "]}\"", {"b": []}] , "c":true,"d":{} } "#
        let scanner = JSONByteScanner(bytes: Array(text.utf8))
        let root = try scanner.value(at: 0)
        let members = try scanner.members(of: root)
        #expect(members.map(\.key) == ["a", "c", "d"])
        let elements = try scanner.elements(of: members[0].value)
        #expect(elements.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) } == ["1", #""]}\"""#, #"{"b": []}"#])
        #expect(scanner.string(elements[1]) == "]}\"")
        let malformed = JSONByteScanner(bytes: Array(#"{"a" 1}"#.utf8))
        #expect(throws: JSONByteScanner.Malformed.self) { try malformed.members(of: try malformed.value(at: 0)) }
    }

    @Test func lineSummaryCountsAsLlvmCovDoes() throws {
        // The instrumented export's own functions, unmapped: llvm-cov counted 17 lines (each span closure's lines
        // count again), 15 covered.
        let functions = try #require(try element(try export("instrumented.json"))["functions"] as? [[String: Any]])
        let summary = functions.reduce(CoverageLineSummary()) { $0 + CoverageLineSummary(regions: $1["regions"] as? [[Any]] ?? []) }
        #expect((summary.lines, summary.covered) == (17, 15))
    }

    @Test func aCopyOfAnotherTextIsNotReadBack() throws {
        let copy = Array(try Self.folder.read("Calc.instswift.swift").utf8)
        #expect(CoverageSourceCopy(copy: copy, readFile: { _ in Array("public struct Calc {}\n".utf8) }) == nil)
        #expect(CoverageSourceCopy(copy: copy, readFile: { _ in nil }) == nil)
    }

    @Test func headerPathsAreUnescaped() {
        #expect(CoverageSourceCopy.headerPath(Array("#sourceLocation(file: \"/a b/\\\"q\\\".swift\", line: 1)\n".utf8)) == "/a b/\"q\".swift")
        #expect(CoverageSourceCopy.headerPath(Array("int x;\n#line 1 \"/p/C\\303\\266v.c\"\n".utf8)) == "/p/Cöv.c")
        #expect(CoverageSourceCopy.headerPath(Array("import A\n".utf8)) == nil)
    }

    @Test func coverageIsOnWhenTheLastFlagSaysSo() {
        #expect(BuildSession.enablesCodeCoverage(["test", "--enable-code-coverage"]))
        #expect(!BuildSession.enablesCodeCoverage(["test", "--enable-code-coverage", "--disable-code-coverage"]))
        #expect(!BuildSession.enablesCodeCoverage(["test", "--", "--enable-code-coverage"]))
        #expect(!BuildSession.enablesCodeCoverage(["test"]))
    }
}

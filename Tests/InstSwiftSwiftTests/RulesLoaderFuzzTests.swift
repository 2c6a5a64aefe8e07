import Foundation
import InstSwiftTestSupport
import InstSwiftCore
import InstSwiftSwift
import Testing

/// A bounded fuzz run of the rules loader (RELIABILITY-FINDINGS D4-D7, D12-D16): every rules file in the repository
/// is the seed corpus; each mutant (bytes cut, tokens from a YAML/glob/Swift dictionary inserted, lines repeated,
/// the file cut short) must load or fail with located diagnostics, quickly, without crashing. The seed is fixed so a
/// failure reproduces; `INSTSWIFT_FUZZ_ITERATIONS` and `INSTSWIFT_FUZZ_SEED` run longer or elsewhere.
@Suite struct RulesLoaderFuzzTests {
    static var corpus: [String] {
        let manager = FileManager.default
        var files: [URL] = []
        for folder in ["Fixtures/rule-errors", "Rules"] {
            let url = repositoryRoot.appendingPathComponent(folder)
            files += ((try? manager.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasSuffix(".yml") }.map { url.appendingPathComponent($0) }
        }
        let rewrite = repositoryRoot.appendingPathComponent("Fixtures/rewrite")
        files += ((try? manager.contentsOfDirectory(atPath: rewrite.path)) ?? []).map { rewrite.appendingPathComponent("\($0)/rules.yml") }
        return files.sorted { $0.path < $1.path }.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    static let tokens = [
        "[", "]", "{", "}", "&a ", "*a", ": ", "- ", "!!binary ", "!!int ", "\t", "'", "\"", "\n", "\r\n", "\u{1B}[2J", "🙂",
        "{a,b}{a,b}{a,b}", "*a*a*a*a*b", "((((((((", "$result", "$error", "all-of:", "one-of: [", "not:", "? ", "|\n", ">-\n",
        "\\u0000", "#", "---\n", "...\n", "<<: *a\n",
    ]

    /// A small deterministic generator (SplitMix64).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func mutate(_ text: String, _ random: inout Generator) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = characters.isEmpty ? 0 : Int.random(in: 0...characters.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where !characters.isEmpty:
                let end = min(characters.count, position + Int.random(in: 1...12, using: &random))
                if position < end { characters.removeSubrange(position..<end) }
            case 1:
                characters.insert(contentsOf: Array(tokens.randomElement(using: &random)!), at: position)
            case 2:
                let lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false)
                guard let line = lines.randomElement(using: &random) else { continue }
                characters.insert(contentsOf: Array(line + "\n"), at: position)
            case 3:
                characters = Array(characters.prefix(position))
            default:
                characters.insert(contentsOf: Array(String(repeating: tokens.randomElement(using: &random)!, count: 40)), at: position)
            }
        }
        return String(characters)
    }

    @Test func mutantsLoadOrFailWithLocatedDiagnostics() throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["INSTSWIFT_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 5000
        var random = Generator(state: environment["INSTSWIFT_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x1857)
        let corpus = Self.corpus
        try #require(corpus.count > 100)
        let loader = RuleFileLoader(validator: SwiftCodeValidator())
        var slowest = 0.0
        for iteration in 0..<iterations {
            let mutant = Self.mutate(corpus.randomElement(using: &random)!, &random)
            if let trace = environment["INSTSWIFT_FUZZ_TRACE"] {
                // Each mutant is written before it is loaded, so a hang or crash leaves the culprit behind.
                try? mutant.write(toFile: trace, atomically: false, encoding: .utf8)
            }
            let started = Date()
            do throws(Diagnostics) {
                _ = try loader.parse(mutant, file: "mutant.yml")
            } catch {
                let lineCount = mutant.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
                for diagnostic in error.all {
                    let location = try #require(diagnostic.location, "iteration \(iteration): \(diagnostic) has no location")
                    #expect(
                        location.line >= 1 && location.line <= max(1, lineCount) && location.column >= 1,
                        "iteration \(iteration): \(diagnostic) lies outside the \(lineCount)-line file:\n\(mutant)")
                    #expect(!diagnostic.description.dropFirst().contains("\n"), "iteration \(iteration): \(diagnostic)")
                }
            }
            let seconds = Date().timeIntervalSince(started)
            slowest = max(slowest, seconds)
            // A guard against blow-ups (alias bombs, quadratic scans), not a benchmark: generous enough for a debug build
            // of the largest pack's declarations on a loaded 2-core machine.
            #expect(seconds < 10, "iteration \(iteration) took \(seconds) s:\n\(mutant.prefix(2000))")
        }
        print("rules loader fuzz: \(iterations) mutants, slowest \(Int(slowest * 1000)) ms")
    }
}

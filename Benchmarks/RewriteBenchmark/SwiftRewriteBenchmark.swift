import Foundation
import InstSwiftCore
import InstSwiftSwift
import SwiftParser

/// About 50k lines: types with methods, calls and comments.
func generatedSource(lines target: Int) -> String {
    var text = "import Foundation\n\n"
    var index = 0
    while text.utf8.count / 28 < target {
        text += """
            /// Service number \(index).
            struct Service\(index) {
                let store: Store

                func handle\(index)(request: String, id: Int) async throws -> String {
                    let value = try await store.load(key: request)
                    guard !value.isEmpty else { return "" }
                    return value + String(id)
                }

                func compute\(index)(_ values: [Int]) -> Int {
                    values.reduce(0, +) * \(index)
                }
            }


            """
        index += 1
    }
    return text + "struct Store { func load(key: String) async throws -> String { key } }\n"
}

func rules(count: Int) -> String {
    var yaml = "rules:\n"
    for index in 0..<count {
        yaml += """
              - id: rule-\(index)
                where:
                  function:
                    name: "handle\(index * 7)*"
                advice:
                  - span:
                      kind: server
                      attributes:
                        request.id: id

            """
    }
    yaml += """
          - id: calls
            where:
              call: {callee: load, receiver: Store}
            advice:
              - span: {kind: client}

        """
    return yaml
}

/// Writes the large file (`Sources/Bench/Big.swift`) and its rules (`bench.yml`) into `folder`, for timing the
/// `instswift` commands on them.
func writeLargeFile(to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder + "/Sources/Bench", withIntermediateDirectories: true)
    try generatedSource(lines: 50_000).write(toFile: folder + "/Sources/Bench/Big.swift", atomically: true, encoding: .utf8)
    try rules(count: 49).write(toFile: folder + "/bench.yml", atomically: true, encoding: .utf8)
}

/// The large file's frontend, source, rules (the benchmark's, or `rulesFile`'s) and file context.
func largeFileCase(rulesFile: String? = nil) throws -> (SwiftFrontend, String, RuleSet, FileContext) {
    let frontend = SwiftFrontend()
    let yaml = try rulesFile.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? rules(count: 49)
    let ruleSet = try RuleFileLoader(validator: frontend.codeValidator).parse(yaml, file: rulesFile ?? "bench.yml")
    return (frontend, generatedSource(lines: 50_000), ruleSet, FileContext(path: "Sources/Bench/Big.swift", module: "Bench"))
}

/// One side of the Swift benchmark's large-file comparison (`parse` or `rewrite`), `rounds` times, for a profiler.
func runSwiftBenchmarkPart(_ part: String, rounds: Int) throws {
    let (frontend, source, ruleSet, context) = try largeFileCase()
    for _ in 0..<rounds {
        if part == "parse" {
            _ = Parser.parse(source: source)
        } else {
            _ = frontend.rewrite(source, file: context, rules: ruleSet.rules, options: RewriteOptions())
        }
    }
}

/// Swift: parse + match + rewrite against parse alone on a ~50k-line file with 50 rules (target <= 1.5), then files
/// per second over a whole package (default: swift-syntax's sources).
func runSwiftBenchmark(packageRoot: String?) throws {
    let (frontend, source, ruleSet, context) = try largeFileCase()
    let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count

    var outputBytes = 0
    let timing = compare(rounds: 11) {
        _ = Parser.parse(source: source)
    } candidate: {
        let result = frontend.rewrite(source, file: context, rules: ruleSet.rules, options: RewriteOptions())
        outputBytes = result.output?.utf8.count ?? 0
    }
    print("large file: \(lineCount) lines, \(ruleSet.rules.count) rules, output \(outputBytes / 1024) KiB; 11 alternating rounds, medians")
    print(String(format: "  parse only                 %8.1f ms", timing.baseline * 1000))
    print(String(format: "  parse + match + rewrite    %8.1f ms", timing.candidate * 1000))
    print(String(format: "  ratio                      %8.2f   (target <= 1.5; rounds %.2f-%.2f)", timing.ratio, timing.lowest, timing.highest))

    // A whole package: every .swift file under the given folder (default: this checkout's swift-syntax sources).
    let packageRoot = packageRoot ?? ".build/checkouts/swift-syntax/Sources"
    var files: [(String, String)] = []
    if let walker = FileManager.default.enumerator(atPath: packageRoot) {
        while let item = walker.nextObject() as? String {
            guard item.hasSuffix(".swift"), let text = try? String(contentsOfFile: packageRoot + "/" + item, encoding: .utf8) else { continue }
            files.append((packageRoot + "/" + item, text))
        }
    }
    let packageTime = measure(1) {
        for (path, text) in files {
            _ = frontend.rewrite(text, file: FileContext(path: path, module: "Package"), rules: ruleSet.rules, options: RewriteOptions())
        }
    }
    let totalLines = files.reduce(0) { $0 + $1.1.split(separator: "\n", omittingEmptySubsequences: false).count }
    print("package: \(packageRoot): \(files.count) files, \(totalLines) lines")
    print(String(format: "  %8.0f files/s, %8.0f lines/s (one core)", Double(files.count) / packageTime, Double(totalLines) / packageTime))
}

/// The Swift benchmark's large file by stage, 15 rounds: parse alone, then the rewrite's collect (less its parse), match,
/// render and apply, as medians and the ratio they add up to. `rulesFile`: other rules than the benchmark's.
func runSwiftStages(rulesFile: String?) throws {
    let (frontend, source, ruleSet, context) = try largeFileCase(rulesFile: rulesFile)
    var rows: [[Double]] = []
    func ms(_ d: Duration) -> Double { Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000 }
    for _ in 0..<15 {
        let t0 = ContinuousClock.now
        _ = Parser.parse(source: source)
        let t1 = ContinuousClock.now
        guard case .collected(let parsed) = frontend.collect(source, file: context, rules: ruleSet.rules, options: RewriteOptions()) else { return }
        let t2 = ContinuousClock.now
        let index = RuleIndex(ruleSet.rules, file: context)
        let reports = parsed.sites.map { Matcher.evaluate($0, index: index, in: context) }
        let t3 = ContinuousClock.now
        let matched = MatchedFile(parsed: parsed, file: context, siteReports: reports)
        let rendering = frontend.render(matched, options: RewriteOptions())
        let t4 = ContinuousClock.now
        _ = EditApplier.apply(rendering.edits ?? [], to: source)
        let t5 = ContinuousClock.now
        rows.append([ms(t1 - t0), ms(t2 - t1) - ms(t1 - t0), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4)])
    }
    let medians = (0..<5).map { column in rows.map { $0[column] }.sorted()[rows.count / 2] }
    print(
        String(
            format: "stages, medians of 15 rounds: parse %.1f ms; rewrite adds collect %.1f, match %.1f, render %.1f, apply %.1f ms; ratio %.2f",
            medians[0], medians[1], medians[2], medians[3], medians[4], 1 + medians[1...].reduce(0, +) / medians[0]))
}

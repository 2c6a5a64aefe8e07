import Foundation
import InstSwiftCore
import InstSwiftSwift

/// `--report`: every instrumented declaration, per-module counts and rewrite time, as JSON.
enum BuildReport {
    static func aggregate(from directory: String, to path: String, rules: RuleSet) throws {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var modules: [ModuleReport] = []
        for file in files {
            // A report that cannot be read (a half-written file from an interrupted build) is left out, not fatal.
            if let data = FileManager.default.contents(atPath: directory + "/" + file),
                let report = try? JSONDecoder().decode(ModuleReport.self, from: data)
            {
                modules.append(report)
            }
        }
        let document: [String: Any] = [
            "rules": rules.rules.map(\.id),
            "rulesFingerprint": rules.fingerprint,
            "modules": modules.map {
                [
                    "module": $0.module, "files": $0.files, "rewrittenFiles": $0.rewrittenFiles, "sites": $0.sites.count, "milliseconds": $0.milliseconds,
                    "peakMemoryMiB": $0.peakMemoryMiB,
                ] as [String: Any]
            },
            "instrumented": modules.flatMap { module in
                module.sites.map { ["module": module.module, "file": $0.file, "line": $0.line, "declaration": $0.name, "rules": $0.rules] as [String: Any] }
            },
            "totalMilliseconds": modules.reduce(0) { $0 + $1.milliseconds },
            "peakMemoryMiB": modules.map(\.peakMemoryMiB).max() ?? 0,
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try AtomicFile.write(data, to: path)
    }
}

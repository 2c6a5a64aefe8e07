import Foundation

/// The driver's output file map: keys are inputs; the values (SwiftPM's build dir) stay as they are.
enum OutputFileMap {
    static func rewrite(_ path: String, replacements: [String: String], directory: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path),
            let map = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return path }
        var rewritten: [String: Any] = [:]
        for (key, value) in map { rewritten[replacements[key] ?? key] = value }
        let output = try JSONSerialization.data(withJSONObject: rewritten, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        let target = directory + "/" + URL(fileURLWithPath: path).lastPathComponent
        try AtomicFile.writeIfChanged(String(decoding: output, as: UTF8.self), to: target)
        return target
    }
}

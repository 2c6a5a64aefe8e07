import Foundation
import InstSwiftCore
import InstSwiftSwift
import Synchronization

/// What one module's rewrite did, for `--report`.
struct ModuleReport: Codable {
    struct Site: Codable {
        var file: String
        var line: Int
        var name: String
        var rules: [String]
    }

    var module: String
    var files = 0
    var rewrittenFiles = 0
    var milliseconds = 0.0
    /// The shim's peak resident memory while rewriting this module (before it hands over to the real compiler).
    var peakMemoryMiB = 0.0
    var sites: [Site] = []

    init(module: String) { self.module = module }

    /// Reports written by an older instswift lack newer fields: they decode with defaults.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        module = try container.decode(String.self, forKey: .module)
        files = try container.decodeIfPresent(Int.self, forKey: .files) ?? 0
        rewrittenFiles = try container.decodeIfPresent(Int.self, forKey: .rewrittenFiles) ?? 0
        milliseconds = try container.decodeIfPresent(Double.self, forKey: .milliseconds) ?? 0
        peakMemoryMiB = try container.decodeIfPresent(Double.self, forKey: .peakMemoryMiB) ?? 0
        sites = try container.decodeIfPresent([Site].self, forKey: .sites) ?? []
    }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try AtomicFile.write(try encoder.encode(self), to: path)
    }
}

import ArgumentParser
import Foundation
import InstSwiftBuild
import InstSwiftCore
import InstSwiftSwift

/// The rules files `instswift swift build` reads for a package — the packs that are on, `.instswift.yml`'s rules files,
/// `INSTSWIFT_RULES` — for the commands that show what that build does when no `--rules` names others.
enum BuildRules {
    /// Loads the rules of the build of the package holding `path` (a file or folder; the current folder when nil), with
    /// a line on standard error that says which; `whenOutside` is the error outside any package.
    static func load(near path: String?, whenOutside: String) throws -> RuleSet {
        let current = FileManager.default.currentDirectoryPath
        let absolute = path.map { $0.hasPrefix("/") ? $0 : current + "/" + $0 } ?? current
        var isDirectory: ObjCBool = false
        let start =
            FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) && !isDirectory.boolValue
            ? (absolute as NSString).deletingLastPathComponent : absolute
        guard let packageRoot = BuildSession.nearestPackageRoot(from: start) else { throw ValidationError(whenOutside) }
        let sources = try RuleSources.ofBuild(packageRoot: packageRoot, environment: ProcessInfo.processInfo.environment)
        // The rules `.instswift.yml` implies (GenAI prices) count too: the build writes them to its work folder, this to a
        // scratch one, gone once they are read.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-rules-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let files = try sources.files(packageRoot: packageRoot, generatedDirectory: scratch)
        let own = files.count - sources.enabledPacks.count
        FileHandle.standardError.write(
            Data(
                ("instswift: the rules of \(packageRoot)'s build: packs \(sources.enabledPacks.joined(separator: ", "))"
                    + (own > 0 ? " and \(own) rules file(s)" : "") + " (--rules FILE to use others)\n").utf8))
        return try CLIRules.load(files, frontend: SwiftFrontend())
    }
}

import Foundation
import InstSwiftCore
import Yams

/// Where a build's rules come from, in this order (later files' rules follow earlier ones; ids must be unique):
/// 1. the built-in packs in `Rules/` that are on (`bootstrap` by default; `.instswift.yml` turns packs on and off),
/// 2. rule files listed in `.instswift.yml` (relative to the package root),
/// 3. `INSTSWIFT_RULES` (paths separated by `:`),
/// 4. `--rules FILE` options.
public struct RuleSources {
    public var builtinDirectory: String?
    public var projectConfiguration: ProjectConfiguration
    public var environmentFiles: [String]
    public var commandLineFiles: [String]

    public init(builtinDirectory: String?, projectConfiguration: ProjectConfiguration, environmentFiles: [String], commandLineFiles: [String]) {
        self.builtinDirectory = builtinDirectory
        self.projectConfiguration = projectConfiguration
        self.environmentFiles = environmentFiles
        self.commandLineFiles = commandLineFiles
    }

    /// Packs that are on unless `.instswift.yml` disables them. A library pack names its package, so it costs nothing
    /// in a graph without that library.
    public static let defaultPacks = [
        "bootstrap", "hummingbird", "vapor", "urlsession", "swift-log", "genai", "mcp", "postgres-nio", "sqlite-nio", "grdb",
        "grpc", "postgres-kit", "sqlite-kit", "fluent-kit",
    ]

    public var enabledPacks: [String] {
        var packs = Self.defaultPacks.filter { !projectConfiguration.disabledPacks.contains($0) }
        for pack in projectConfiguration.packs where !packs.contains(pack) { packs.append(pack) }
        return packs
    }

    /// Every rules file, in precedence order, or the reason one is missing. With `generatedDirectory`, the rules
    /// `.instswift.yml` implies (its GenAI prices) are written there and included.
    public func files(packageRoot: String, generatedDirectory: String? = nil) throws -> [String] {
        var files: [String] = []
        for pack in enabledPacks {
            guard let directory = builtinDirectory else {
                throw SourcesError("the built-in rule packs were not found; set INSTSWIFT_RULES_DIR to instswift's Rules folder")
            }
            let path = "\(directory)/\(pack).yml"
            guard FileManager.default.fileExists(atPath: path) else {
                let known = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) } ?? []
                throw SourcesError(".instswift.yml: no built-in rule pack '\(pack)'\(Suggestion.didYouMean(pack, in: known)); packs: \(known.sorted().joined(separator: ", "))")
            }
            files.append(path)
        }
        if let generatedDirectory, let rules = GenAIPrice.rules(projectConfiguration.genAIPrices) {
            let path = generatedDirectory + "/genai-prices.yml"
            // Written only when it changed: every build reads it, few change it.
            if FileManager.default.contents(atPath: path) != Data(rules.utf8) {
                try FileManager.default.createDirectory(atPath: generatedDirectory, withIntermediateDirectories: true)
                try Data(rules.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            files.append(path)
        }
        files += projectConfiguration.ruleFiles.map { $0.hasPrefix("/") ? $0 : packageRoot + "/" + $0 }
        files += environmentFiles + commandLineFiles
        for file in files where !FileManager.default.fileExists(atPath: file) {
            throw SourcesError("rules file '\(file)' does not exist")
        }
        return files
    }

    /// The `Rules/` folder shipped with instswift: `INSTSWIFT_RULES_DIR`, or found above the executable.
    public static func locateBuiltinDirectory(environment: [String: String]) -> String? {
        if let explicit = environment["INSTSWIFT_RULES_DIR"] { return explicit }
        var url = URL(fileURLWithPath: CommandLine.executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while url.path != "/" {
            let candidate = url.appendingPathComponent("Rules")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("bootstrap.yml").path) { return candidate.path }
            url.deleteLastPathComponent()
        }
        return nil
    }

    /// The runtime package `pin` adds: `INSTSWIFT_RUNTIME_PATH`, or the `Runtime` folder beside the built-in packs; nil
    /// when neither holds a Package.swift.
    public static func locateRuntimePackage(environment: [String: String], builtinDirectory: String?) -> String? {
        let runtime = environment["INSTSWIFT_RUNTIME_PATH"]
            ?? builtinDirectory.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("Runtime").path }
        return runtime.flatMap { FileManager.default.fileExists(atPath: $0 + "/Package.swift") ? $0 : nil }
    }

    public struct SourcesError: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }
}

extension CommandLine {
    /// The running executable's path.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
    }
}

/// `.instswift.yml` in the package root.
public struct ProjectConfiguration: Sendable {
    /// Built-in packs to turn on.
    public var packs: [String] = []
    /// Built-in packs to turn off.
    public var disabledPacks: [String] = []
    /// More rules files, relative to the package root.
    public var ruleFiles: [String] = []
    /// `genai-prices:`, model prices for the estimated cost of GenAI calls, in file order.
    public var genAIPrices: [GenAIPrice] = []

    public init() {}

    static let keys = ["packs", "disable-packs", "rules", "genai-prices"]

    /// Reads `.instswift.yml`, rejecting unknown keys with their location.
    public static func load(packageRoot: String) throws -> ProjectConfiguration {
        let path = packageRoot + "/.instswift.yml"
        guard let data = FileManager.default.contents(atPath: path) else { return ProjectConfiguration() }
        let text = String(decoding: data, as: UTF8.self)
        var configuration = ProjectConfiguration()
        guard let node = try Yams.compose(yaml: text) else { return configuration }
        guard let mapping = node.mapping else {
            throw RuleSources.SourcesError("\(path):1:1: error: .instswift.yml must be a mapping with the keys \(keys.joined(separator: ", "))")
        }
        for (key, value) in mapping {
            let name = key.string ?? ""
            let list = value.sequence?.compactMap(\.string) ?? value.string.map { [$0] } ?? []
            switch name {
            case "packs": configuration.packs = list
            case "disable-packs": configuration.disabledPacks = list
            case "rules": configuration.ruleFiles = list
            case "genai-prices": configuration.genAIPrices = try GenAIPrice.list(value, file: path)
            default:
                let mark = key.mark
                throw RuleSources.SourcesError("\(path):\(mark?.line ?? 1):\(mark?.column ?? 1): error: unknown key '\(name)'\(Suggestion.didYouMean(name, in: keys))")
            }
        }
        return configuration
    }
}

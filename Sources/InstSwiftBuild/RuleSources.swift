import Foundation
import InstSwiftCore

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

    /// What the build of the package at `packageRoot` reads: the packs found from `environment`, the package's
    /// `.instswift.yml`, `INSTSWIFT_RULES` and `commandLineFiles` (relative paths taken from the current folder).
    public static func ofBuild(packageRoot: String, environment: [String: String], commandLineFiles: [String] = []) throws(Diagnostics) -> RuleSources {
        let current = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : current + "/" + path }
        return RuleSources(
            builtinDirectory: locateBuiltinDirectory(environment: environment),
            projectConfiguration: try ProjectConfiguration.load(packageRoot: packageRoot),
            environmentFiles: (environment["INSTSWIFT_RULES"] ?? "").split(separator: ":").map { absolute(String($0)) },
            commandLineFiles: commandLineFiles.map(absolute))
    }

    /// Packs that are on unless `.instswift.yml` disables them. A library pack names its package, so it costs nothing
    /// in a graph without that library.
    public static let defaultPacks = [
        "bootstrap", "hummingbird", "vapor", "urlsession", "async-http-client", "swift-log", "genai", "mcp", "postgres-nio", "sqlite-nio", "grdb",
        "grpc", "postgres-kit", "sqlite-kit", "fluent-kit",
    ]

    public var enabledPacks: [String] {
        let disabled = Set(projectConfiguration.disabledPacks.map(\.value))
        var packs = Self.defaultPacks.filter { !disabled.contains($0) }
        for pack in projectConfiguration.packs.map(\.value) where !packs.contains(pack) { packs.append(pack) }
        return packs
    }

    /// Every rules file, in precedence order, or the reason one is missing. With `generatedDirectory`, the rules
    /// `.instswift.yml` implies (its GenAI prices) are written there and included. A pack or rules file that
    /// `.instswift.yml` names and that does not exist is an error at the place it is named (all of them, as
    /// `Diagnostics`).
    public func files(packageRoot: String, generatedDirectory: String? = nil) throws -> [String] {
        guard let directory = builtinDirectory else {
            throw BuildError.missing("the built-in rule packs were not found; set INSTSWIFT_RULES_DIR to instswift's Rules folder")
        }
        try checkNamedFiles(packageRoot: packageRoot, builtinDirectory: directory)
        var files = enabledPacks.map { "\(directory)/\($0).yml" }
        if let generatedDirectory, let rules = GenAIPrice.rules(projectConfiguration.genAIPrices) {
            let path = generatedDirectory + "/genai-prices.yml"
            // Written only when it changed: every build reads it, few change it.
            if FileManager.default.contents(atPath: path) != Data(rules.utf8) {
                try FileManager.default.createDirectory(atPath: generatedDirectory, withIntermediateDirectories: true)
                try Data(rules.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            files.append(path)
        }
        files += projectConfiguration.ruleFiles.map { Self.path($0.value, in: packageRoot) }
        // The packs and `.instswift.yml`'s files were checked above, where they are named.
        for file in environmentFiles + commandLineFiles where !FileManager.default.fileExists(atPath: file) {
            throw BuildError.missing("rules file '\(file)' does not exist")
        }
        return Self.once(files + environmentFiles + commandLineFiles)
    }

    /// `files` with each file once, where it first appears: the same file named twice (in `.instswift.yml` and with
    /// `--rules`, say) is one source of rules, not a clash of every rule id with itself.
    static func once(_ files: [String]) -> [String] {
        var seen = Set<String>()
        return files.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path).inserted }
    }

    /// Reports every pack and rules file `.instswift.yml` names that does not exist, where it names it.
    private func checkNamedFiles(packageRoot: String, builtinDirectory directory: String) throws(Diagnostics) {
        let known = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
        var diagnostics = Diagnostics()
        for pack in projectConfiguration.packs + projectConfiguration.disabledPacks where !known.contains(pack.value) {
            diagnostics.error(
                "no built-in rule pack '\(pack.value)'\(Suggestion.didYouMean(pack.value, in: known)); packs: \(known.joined(separator: ", "))",
                at: pack.location)
        }
        for file in projectConfiguration.ruleFiles where !FileManager.default.fileExists(atPath: Self.path(file.value, in: packageRoot)) {
            diagnostics.error("rules file '\(file.value)' does not exist (paths are relative to the package root, \(packageRoot))", at: file.location)
        }
        if diagnostics.hasErrors { throw diagnostics }
    }

    private static func path(_ file: String, in packageRoot: String) -> String {
        file.hasPrefix("/") ? file : packageRoot + "/" + file
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
        let runtime =
            environment["INSTSWIFT_RUNTIME_PATH"]
            ?? builtinDirectory.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("Runtime").path }
        return runtime.flatMap { FileManager.default.fileExists(atPath: $0 + "/Package.swift") ? $0 : nil }
    }
}

extension CommandLine {
    /// The running executable's path.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
    }
}

import Foundation

/// Where a pinned package gets the instswift runtime from (docs/adr/0009).
///
/// `pin` writes `.package(url: <url>, exact: <version>)`: the runtime is published as its own repository, one tag per
/// instswift version, whose commit is made reproducibly (`scripts/runtime-repository.sh`: fixed author, date and
/// message), so every copy of one version has the same revision and a committed `Package.resolved` holds anywhere.
/// An installed instswift carries that repository (its `Runtime` folder), and `instswift swift build` points the URL at
/// it through git's `insteadOf`, so the build resolves offline; a plain `swift build` fetches the published one.
public struct RuntimeSource: Sendable, Equatable {
    /// The repository `pin` names unless `--runtime-url` or `INSTSWIFT_RUNTIME_URL` says otherwise.
    public static let defaultURL = "https://github.com/instswift/instswift-runtime"
    public static let urlEnvironmentKey = "INSTSWIFT_RUNTIME_URL"
    /// The runtime's products; a target depends on them as `.product(name: ..., package: <identity>)`.
    public static let products = ["InstSwiftRuntime", "InstSwiftOTel"]
    /// The `name:` of the runtime's own manifest, which tells a runtime folder from any other package.
    static let manifestName = "instswift-runtime"

    public var url: String
    public var version: String
    /// A local git repository holding the tag `version` (an installed instswift's `Runtime` folder), if there is one.
    public var localRepository: String?

    public init(url: String, version: String, localRepository: String?) {
        self.url = url
        self.version = version
        self.localRepository = localRepository
    }

    /// The source for this instswift: the URL from the environment or the default, and the located runtime folder as its
    /// local repository when that folder is a git repository tagged with this version.
    public static func current(version: String, environment: [String: String], runtimePackage: String?) -> RuntimeSource {
        let url = environment[urlEnvironmentKey].flatMap { $0.isEmpty ? nil : $0 } ?? defaultURL
        let local = runtimePackage.flatMap { hasTag(version, in: $0, environment: environment) ? $0 : nil }
        return RuntimeSource(url: url, version: version, localRepository: local)
    }

    /// The source for building the package at `packageRoot`: the repository its manifest pins when that is this
    /// version (whatever its URL: a team's mirror resolves from the installed copy too), else `current`.
    public static func forPackage(_ packageRoot: String, version: String, environment: [String: String], runtimePackage: String?) -> RuntimeSource {
        var source = current(version: version, environment: environment, runtimePackage: runtimePackage)
        if let (url, exact) = pinnedRepository(packageRoot), exact == version { source.url = url }
        return source
    }

    /// The repository URL and exact version the package's manifest pins the runtime to, if it pins a repository.
    public static func pinnedRepository(_ packageRoot: String) -> (url: String, exactVersion: String?)? {
        guard let manifest = try? String(contentsOfFile: packageRoot + "/Package.swift", encoding: .utf8),
              case .url(let url, let exact) = ManifestRuntimeDependency.find(in: manifest, packageRoot: packageRoot)?.source else { return nil }
        return (url, exact)
    }

    /// SwiftPM's identity of the package at `url`: its last path component, lowercased, without `.git`.
    public static func identity(ofURL url: String) -> String {
        var last = url.split(separator: "/").last.map(String.init) ?? url
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last.lowercased()
    }

    public var identity: String { Self.identity(ofURL: url) }

    /// The dependency `pin` writes.
    public var dependencyExpression: String { ".package(url: \"\(url)\", exact: \"\(version)\")" }

    /// `environment` with git told to fetch `url` from the local repository (git's `insteadOf`, passed as
    /// `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n`, after any the caller set). Unchanged without one.
    public func resolvingLocally(_ environment: [String: String]) -> [String: String] {
        guard let localRepository else { return environment }
        var result = environment
        let count = Int(environment["GIT_CONFIG_COUNT"] ?? "") ?? 0
        result["GIT_CONFIG_KEY_\(count)"] = "url.\(localRepository).insteadOf"
        result["GIT_CONFIG_VALUE_\(count)"] = url
        result["GIT_CONFIG_COUNT"] = String(count + 1)
        return result
    }

    /// Whether git can fetch the tag `version` of `url` from here (through the local repository when there is one).
    public func isReachable(environment: [String: String]) -> Bool {
        var environment = resolvingLocally(environment)
        environment["GIT_TERMINAL_PROMPT"] = "0"
        return (try? Self.git(["ls-remote", "--tags", url, "refs/tags/\(version)"], environment: environment))
            .map { !$0.isEmpty } ?? false
    }

    static func hasTag(_ tag: String, in directory: String, environment: [String: String]) -> Bool {
        guard FileManager.default.fileExists(atPath: directory + "/.git") else { return false }
        return (try? git(["-C", directory, "rev-parse", "-q", "--verify", "refs/tags/\(tag)"], environment: environment)) != nil
    }

    /// Runs git and returns its standard output; throws when git fails.
    @discardableResult
    static func git(_ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw RuleSources.SourcesError("git \(arguments.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self)
    }
}

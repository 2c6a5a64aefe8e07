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
        let local = runtimePackage.flatMap { usableRepository($0, version: version, environment: environment) }
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
            case .url(let url, let exact) = ManifestRuntimeDependency.find(in: manifest, packageRoot: packageRoot)?.source
        else { return nil }
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

    /// The runtime folder when it is a git repository with the tag `version` that git will read. One that another user
    /// owns (`sudo scripts/install.sh` into /usr/local) git refuses ("detected dubious ownership", also when SwiftPM
    /// clones it), so then a copy of it in the user's cache stands in, refreshed when the install's tag moves.
    static func usableRepository(_ directory: String, version: String, environment: [String: String]) -> String? {
        let manager = FileManager.default
        guard manager.fileExists(atPath: directory + "/.git") else { return nil }
        if hasTag(version, in: directory, environment: environment) { return directory }
        guard let installed = looseTag(version, in: directory) else { return nil }
        let cacheHome =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        let copy = cacheHome + "/instswift/runtime-\(version)"
        if looseTag(version, in: copy) == installed, hasTag(version, in: copy, environment: environment) { return copy }
        do {
            try manager.createDirectory(atPath: cacheHome + "/instswift", withIntermediateDirectories: true)
            let staging = copy + ".\(getpid())"
            try? manager.removeItem(atPath: staging)
            try copyOwned(directory, to: staging)
            try? manager.removeItem(atPath: copy)
            try manager.moveItem(atPath: staging, toPath: copy)
        } catch {
            return nil
        }
        return hasTag(version, in: copy, environment: environment) ? copy : nil
    }

    /// Copies a tree as new files (owned by this user: `FileManager.copyItem` keeps the owner when root copies).
    static func copyOwned(_ source: String, to destination: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: destination, withIntermediateDirectories: true)
        guard let entries = manager.enumerator(atPath: source) else { return }
        for case let relative as String in entries {
            let from = source + "/" + relative, to = destination + "/" + relative
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: from, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try manager.createDirectory(atPath: to, withIntermediateDirectories: true)
            } else {
                guard manager.createFile(atPath: to, contents: try Data(contentsOf: URL(fileURLWithPath: from))) else {
                    throw BuildError.system("could not write \(to)")
                }
            }
        }
    }

    /// The commit a tag names, read from the repository's files (works where git refuses to read it).
    static func looseTag(_ tag: String, in directory: String) -> String? {
        if let loose = try? String(contentsOfFile: directory + "/.git/refs/tags/" + tag, encoding: .utf8) {
            return loose.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let packed = (try? String(contentsOfFile: directory + "/.git/packed-refs", encoding: .utf8)) ?? ""
        return packed.split(separator: "\n").first { $0.hasSuffix(" refs/tags/" + tag) }.map { String($0.prefix { $0 != " " }) }
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
        guard process.terminationStatus == 0 else { throw BuildError.commandFailed(command: "git \(arguments.joined(separator: " "))", output: "") }
        return String(decoding: data, as: UTF8.self)
    }
}

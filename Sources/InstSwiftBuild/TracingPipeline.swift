import Foundation

/// The packages a build's spans go through on their way out: the runtime and everything it depends on, directly or not
/// (swift-otel, swift-nio, swift-log, async-http-client, ...). Code there can run inside the tracer — while a span
/// starts, ends or is exported, or while tracing bootstraps — so a rule reaches these packages only by naming them
/// (the built-in packs do); a rule without `package:`, such as one that selects every function, leaves them alone. A
/// span started there would start another inside the tracer, or take a lock the tracer holds.
enum TracingPipeline {
    /// The runtime's own modules: never instrumented, whatever a rule names (the module would declare `InstSwift` twice,
    /// and its spans would start inside the tracer).
    static func neverInstrumented(module: String, identity: String) -> Bool {
        runtimeModules.contains(module) || identity == RuntimeSource.manifestName
    }

    static let runtimeModules: Set = ["InstSwiftRuntime", "InstSwiftOTel", "CInstSwiftRuntime"]
    /// Part of the pipeline even where the runtime is not resolved (an app that traces with swift-otel by itself).
    static let corePackages: Set = [RuntimeSource.manifestName, "swift-distributed-tracing", "swift-service-context", "swift-otel"]

    /// The identities of the runtime package and of every package it depends on, directly or not, as resolved in
    /// `scratchPath` (`state`: its `workspace-state.json`; then the packages' manifests). Kept in `workDirectory` for
    /// the resolution it was read from: every module's compile asks.
    static func packages(state: Data?, scratchPath: String, workDirectory: String) -> Set<String> {
        guard let state else { return corePackages }
        let cache = workDirectory + "/tracing-pipeline-\(WorkDirectory.fnv1a(String(decoding: state, as: UTF8.self))).txt"
        if let cached = try? String(contentsOfFile: cache, encoding: .utf8) {
            return Set(cached.split(separator: "\n").map(String.init))
        }
        let found = closure(of: resolvedFolders(state: state, scratchPath: scratchPath)).union(corePackages)
        try? found.sorted().joined(separator: "\n").write(toFile: cache, atomically: true, encoding: .utf8)
        return found
    }

    /// Package identity to its folder, for every resolved package (checkouts and local folders).
    static func resolvedFolders(state: Data, scratchPath: String) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: state) as? [String: Any],
            let dependencies = (object["object"] as? [String: Any])?["dependencies"] as? [[String: Any]]
        else { return [:] }
        var folders: [String: String] = [:]
        for dependency in dependencies {
            guard let reference = dependency["packageRef"] as? [String: Any], let identity = reference["identity"] as? String else { continue }
            let folder =
                reference["kind"] as? String == "fileSystem"
                ? reference["location"] as? String : (dependency["subpath"] as? String).map { scratchPath + "/checkouts/" + $0 }
            if let folder { folders[identity.lowercased()] = folder }
        }
        return folders
    }

    /// The runtime (by identity, or a local folder holding its manifest) and what its manifests name, transitively.
    static func closure(of folders: [String: String]) -> Set<String> {
        var pending = folders.filter { $0.key == RuntimeSource.manifestName || ManifestRuntimeDependency.isRuntimeFolder($0.value) }.map(\.key)
        var found = Set(pending)
        while let identity = pending.popLast() {
            guard let folder = folders[identity], let manifest = try? String(contentsOfFile: folder + "/Package.swift", encoding: .utf8) else {
                continue
            }
            for named in namedPackages(in: manifest) where folders[named] != nil && found.insert(named).inserted {
                pending.append(named)
            }
        }
        return found
    }

    /// The identities of the packages a manifest names with `.package(url:)` or `.package(path:)`: the last path
    /// component without `.git`, lowercased, as SwiftPM derives them.
    static func namedPackages(in manifest: String) -> Set<String> {
        Set(
            manifest.matches(of: /\.package\([^)]*?(?:url|path):\s*"([^"]*)"/).map { match in
                var last = match.output.1.split(separator: "/").last.map(String.init) ?? ""
                if last.hasSuffix(".git") { last.removeLast(4) }
                return last.lowercased()
            })
    }
}

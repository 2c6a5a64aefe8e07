import Foundation

/// What to say when a build fails for a reason SwiftPM's message does not explain: the package pins another version
/// of the instswift runtime than this instswift's, the runtime itself depends on the package, or it asks for swift-otel's gRPC exporter (its default traits,
/// or `OTLPGRPC`): SwiftPM 6.3 cannot resolve that beside the runtime, which names swift-otel with `OTLPHTTP` only, and
/// its own message ("exhausted attempts to resolve the dependencies graph ... grpc-swift-2") does not say why
/// (docs/adr/0008).
enum ResolutionHint {
    /// The hint for a failed build of the package at `packageRoot`, or nil when this is not that failure. Each of these
    /// failures stops SwiftPM while it loads the package graph: a build that compiled anything (`reachedCompilation`)
    /// failed for another reason, and a hint would advise a step that cannot fix it (a compile error in a package the
    /// runtime's graph also names was told to instrument it from a dependent).
    static func afterFailure(packageRoot: String, scratchPath: String, version: String, reachedCompilation: Bool = false) -> String? {
        guard !reachedCompilation else { return nil }
        if let hint = otherRuntimeVersion(packageRoot: packageRoot, version: version) { return hint }
        if let hint = runtimeDependsOnRoot(packageRoot: packageRoot, scratchPath: scratchPath) { return hint }
        guard let manifest = try? String(contentsOfFile: packageRoot + "/Package.swift", encoding: .utf8),
            let dependency = otelDependency(in: manifest), asksForGRPC(dependency)
        else { return nil }
        // Resolved graphs that hold the gRPC packages did not fail this way.
        if let state = try? String(contentsOfFile: scratchPath + "/workspace-state.json", encoding: .utf8), state.contains("grpc-swift-2") {
            return nil
        }
        return """
            instswift: your package names swift-otel with its gRPC exporter (\(dependency.contains("traits:") ? "the OTLPGRPC trait" : "its default traits, OTLPHTTP and OTLPGRPC")), \
            which SwiftPM 6.3 cannot resolve beside the instswift runtime (it names swift-otel with OTLPHTTP only): that is the \
            'exhausted attempts to resolve the dependencies graph' above. instswift exports over OTLP/HTTP; name that trait \
            on your dependency: .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"])
            """
    }

    /// The pinned runtime is another version than this instswift's: resolution fails when no copy of it is at hand, and
    /// when one is, instrumented code would call a runtime made for another instswift.
    static func otherRuntimeVersion(packageRoot: String, version: String) -> String? {
        guard let pinned = RuntimeSource.pinnedRepository(packageRoot)?.exactVersion, pinned != version else { return nil }
        return "instswift: the package pins the instswift runtime \(pinned), and this instswift is \(version): run 'instswift pin' "
            + "to move the pin to \(version) (and commit it), or build with instswift \(pinned)"
    }

    /// The package is itself in the instswift runtime's dependency graph (swift-nio, swift-log, swift-http-types, ...):
    /// a module of it that depends on the runtime closes a cycle, which SwiftPM reports as "cyclic dependency declaration
    /// found" without saying where the runtime comes in. Its modules are instrumented from a package that depends on it.
    static func runtimeDependsOnRoot(packageRoot: String, scratchPath: String) -> String? {
        let identity = URL(fileURLWithPath: packageRoot).lastPathComponent.lowercased()
        guard let dependent = dependents(of: identity, scratchPath: scratchPath).first else { return nil }
        return """
            instswift: the instswift runtime's own dependencies use this package ('\(dependent)' depends on '\(identity)'), so a \
            module of it that depends on InstSwiftRuntime closes a cycle: that is the cyclic dependency above. Its modules cannot \
            import the runtime; instrument them from a package that depends on '\(identity)', with a rule that names it \
            (package: name: \(identity)): dependency modules reach the runtime through link-time symbols (docs/adr/0005)
            """
    }

    /// The resolved packages whose manifests name a package of identity `identity`, from the scratch folder's
    /// `workspace-state.json` (checkouts and local folders).
    static func dependents(of identity: String, scratchPath: String) -> [String] {
        guard let state = FileManager.default.contents(atPath: scratchPath + "/workspace-state.json") else { return [] }
        return TracingPipeline.resolvedFolders(state: state, scratchPath: scratchPath).compactMap { name, folder -> String? in
            guard name != identity, let manifest = try? String(contentsOfFile: folder + "/Package.swift", encoding: .utf8) else { return nil }
            return namesPackage(identity, in: manifest) ? name : nil
        }.sorted()
    }

    /// Whether a `.package(url:)` or `.package(path:)` of the manifest has identity `identity` (its last path
    /// component without `.git`, lowercased).
    static func namesPackage(_ identity: String, in manifest: String) -> Bool {
        TracingPipeline.namedPackages(in: manifest).contains(identity)
    }

    /// The text of the `.package(...)` call that names swift-otel, if the manifest has one.
    static func otelDependency(in manifest: String) -> String? {
        guard let name = manifest.range(of: "swift-otel/swift-otel"),
            let start = manifest[..<name.lowerBound].range(of: ".package(", options: .backwards)
        else { return nil }
        var depth = 0
        var index = start.upperBound
        while index < manifest.endIndex {
            switch manifest[index] {
            case "(", "[": depth += 1
            case ")", "]":
                if depth == 0 { return String(manifest[start.lowerBound...index]) }
                depth -= 1
            default: break
            }
            index = manifest.index(after: index)
        }
        return nil
    }

    /// Default traits (no `traits:`), `.defaults`, or `OTLPGRPC` named.
    static func asksForGRPC(_ dependency: String) -> Bool {
        guard let traits = dependency.range(of: "traits:") else { return true }
        let list = dependency[traits.upperBound...]
        return list.contains("OTLPGRPC") || list.contains(".defaults")
    }
}

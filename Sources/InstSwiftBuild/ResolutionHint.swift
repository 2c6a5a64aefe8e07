import Foundation

/// What to say when a build fails for a reason SwiftPM's message does not explain: the package pins another version
/// of the instswift runtime than this instswift's, or it asks for swift-otel's gRPC exporter (its default traits,
/// or `OTLPGRPC`): SwiftPM 6.3 cannot resolve that beside the runtime, which names swift-otel with `OTLPHTTP` only, and
/// its own message ("exhausted attempts to resolve the dependencies graph ... grpc-swift-2") does not say why
/// (docs/adr/0008).
enum ResolutionHint {
    /// The hint for a failed build of the package at `packageRoot`, or nil when this is not that failure.
    static func afterFailure(packageRoot: String, scratchPath: String, version: String) -> String? {
        if let hint = otherRuntimeVersion(packageRoot: packageRoot, version: version) { return hint }
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

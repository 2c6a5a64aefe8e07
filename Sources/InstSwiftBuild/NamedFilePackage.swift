import Foundation
import InstSwiftCore

/// The package of a file named to `explain`, `diff` or `rewrite`, decided as the build decides it (``PackageLayout``):
/// a file in a scratch folder's `checkouts/` belongs to that package at the version checked out, and the packages the
/// runtime's spans go through (``TracingPipeline``) are reached only by rules that name them — so `explain` of a
/// dependency's file says what its build does.
public enum NamedFilePackage {
    /// The context of the file at `path` in `module`; `named`: the package and version given on the command line, which
    /// win over the ones read from the path.
    public static func context(path: String, module: String?, named: (name: String, version: SemanticVersion?)?) -> FileContext {
        var context = FileContext(path: path, module: module)
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let checkout = checkout(of: absolute)
        if let named {
            context.package = named.name
            context.packageVersion = named.version
        } else if let checkout {
            context.package = checkout.identity
            context.packageVersion = PackageLayout.checkedOutVersions(state: checkout.state)[checkout.identity].flatMap(SemanticVersion.init)
        }
        guard let package = context.package?.lowercased() else { return context }
        let resolution = checkout.map { ($0.scratchPath, $0.state) } ?? resolution(near: absolute)
        let pipeline = resolution.map { TracingPipeline.closure(of: TracingPipeline.resolvedFolders(state: $0.1, scratchPath: $0.0)) } ?? []
        context.isInTracingPipeline = pipeline.union(TracingPipeline.corePackages).contains(package)
        return context
    }

    /// Why the build never rewrites a file of `context` (the runtime's own modules), or nil.
    public static func neverInstrumented(_ context: FileContext) -> String? {
        guard let module = context.module, TracingPipeline.neverInstrumented(module: module, identity: context.package?.lowercased() ?? "") else {
            return nil
        }
        return "module '\(module)' is the instswift runtime's own, which is never instrumented"
    }

    /// The scratch folder and `workspace-state.json` of the package that holds `path`: its instswift build's, else its
    /// plain build's.
    static func resolution(near path: String) -> (String, Data)? {
        guard let root = BuildSession.nearestPackageRoot(from: (path as NSString).deletingLastPathComponent) else { return nil }
        for scratch in [BuildSession.defaultScratchPath(packageRoot: root), root + "/.build"] {
            if let state = FileManager.default.contents(atPath: scratch + "/workspace-state.json") { return (scratch, state) }
        }
        return nil
    }

    /// The package checked out in a scratch folder that holds `path`: its identity, the scratch folder, and that
    /// folder's `workspace-state.json`.
    static func checkout(of path: String) -> (identity: String, scratchPath: String, state: Data)? {
        guard let range = path.range(of: "/checkouts/", options: .backwards) else { return nil }
        let scratchPath = String(path[..<range.lowerBound])
        let identity = path[range.upperBound...].prefix { $0 != "/" }
        guard !identity.isEmpty, let state = FileManager.default.contents(atPath: scratchPath + "/workspace-state.json") else { return nil }
        return (String(identity).lowercased(), scratchPath, state)
    }
}

/// Where a file sits in the build, for module, file and package filters.
public struct FileContext: Sendable {
    /// The path as the user names it (also what `#sourceLocation` and diagnostics print).
    public var path: String
    /// The module (target) the file is compiled into.
    public var module: String?
    /// The package the module belongs to.
    public var package: String?
    /// The package's resolved version, when known.
    public var packageVersion: SemanticVersion?
    /// The package is one the runtime's spans go through on their way out (swift-nio, swift-log, ...): only rules that
    /// name it reach it, since a span there may run inside the tracer.
    public var isInTracingPipeline = false

    public init(path: String, module: String? = nil, package: String? = nil, packageVersion: SemanticVersion? = nil) {
        self.path = path
        self.module = module
        self.package = package
        self.packageVersion = packageVersion
    }
}

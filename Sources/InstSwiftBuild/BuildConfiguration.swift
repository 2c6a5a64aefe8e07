import Foundation

/// What the `instswift swift ...` process tells the compiler shims it starts (through `INSTSWIFT_CONFIG`).
public struct BuildConfiguration: Codable, Sendable {
    /// The real `swiftc` the shim hands rewritten sources to.
    public var realSwiftc: String
    /// The root package's directory.
    public var packageRoot: String
    /// SwiftPM's scratch path for this build.
    public var scratchPath: String
    /// Where rewritten copies go.
    public var workDirectory: String
    /// Every rules file, in precedence order.
    public var ruleFiles: [String]
    public var logLevel: LogLevel
    public var keepWork: Bool
    /// Modules of the root package's build-plugin tools, which compile untouched (see ``BuildTools``).
    public var buildToolModules: [String]

    public init(
        realSwiftc: String, packageRoot: String, scratchPath: String, workDirectory: String, ruleFiles: [String],
        logLevel: LogLevel, keepWork: Bool, buildToolModules: [String] = []
    ) {
        self.realSwiftc = realSwiftc
        self.packageRoot = packageRoot
        self.scratchPath = scratchPath
        self.workDirectory = workDirectory
        self.ruleFiles = ruleFiles
        self.logLevel = logLevel
        self.keepWork = keepWork
        self.buildToolModules = buildToolModules
    }

    /// The environment variable that carries the configuration file's path.
    public static let environmentKey = "INSTSWIFT_CONFIG"

    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: path)
    }

    public static func read(from path: String) throws -> BuildConfiguration {
        try JSONDecoder().decode(BuildConfiguration.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

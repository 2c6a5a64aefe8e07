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

/// How much the build prints.
public enum LogLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case quiet, error, warning, info, debug, trace

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// Writes files so that a reader never sees half of one: a temporary file in the same folder, then a rename.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try data.write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Writes only when the content differs, so the compiler's incremental build sees no change otherwise.
    /// Returns whether it wrote.
    @discardableResult
    public static func writeIfChanged(_ text: String, to path: String) throws -> Bool {
        let data = Data(text.utf8)
        if let existing = FileManager.default.contents(atPath: path), existing == data { return false }
        try write(data, to: path)
        return true
    }
}

import Foundation

/// The repository, located from this file.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Whether `INSTSWIFT_RECORD=1` asks to rewrite expectations instead of checking them. A recording run fails on purpose
/// (see ``FixtureFolder/record(_:as:)``), so recorded expectations are reviewed before they pass.
public var isRecording: Bool { ProcessInfo.processInfo.environment["INSTSWIFT_RECORD"] == "1" }

/// One case folder of a fixture suite (`Fixtures/<suite>/<case>/`): what the Swift and C rewrite suites share.
public struct FixtureFolder: Sendable {
    /// The suite's folder under `Fixtures/` (`rewrite`, `rewrite-c`).
    public let suite: String
    /// The case's folder name, which names the test.
    public let name: String

    public init(suite: String, name: String) {
        self.suite = suite
        self.name = name
    }

    /// The marker an expectation holds when the rewrite changes nothing.
    public static let noChanges = "<no changes>\n"

    public var directory: URL { repositoryRoot.appendingPathComponent("Fixtures/\(suite)/\(name)") }

    /// Every case of `suite`, by name.
    public static func all(in suite: String) -> [FixtureFolder] {
        let root = repositoryRoot.appendingPathComponent("Fixtures/\(suite)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted().map { FixtureFolder(suite: suite, name: $0) }
    }

    public func read(_ file: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    }

    /// The optional `context` file's text (`module=M package=P ...`), empty without one.
    public var contextText: String { (try? read("context")) ?? "" }

    /// The `key=value` words of the `context` file.
    public var context: [(key: String, value: String)] {
        contextText.split(whereSeparator: \.isWhitespace).compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    /// Writes `output` as the expectation `file` and returns the message the recording run fails with.
    public func record(_ output: String, as file: String) throws -> String {
        try output.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        return "recorded \(name)/\(file): review it with git diff, then run the tests without INSTSWIFT_RECORD"
    }
}

/// `git diff --no-index` of two texts, for failure messages.
public func diff(expected: String, actual: String) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-diff-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let a = folder.appendingPathComponent("expected"), b = folder.appendingPathComponent("actual")
    try? expected.write(to: a, atomically: true, encoding: .utf8)
    try? actual.write(to: b, atomically: true, encoding: .utf8)
    return run(["git", "diff", "--no-index", "--no-color", a.path, b.path]).output
}

/// Runs a command and returns its exit status and combined output.
public func run(_ arguments: [String], in directory: URL? = nil) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return (-1, "\(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A fresh folder under the system's temporary directory, removed with everything in it when the last reference goes.
/// Held by a suite, it lives for one test: Swift Testing makes a suite instance per test.
public final class TemporaryFolder: Sendable {
    public let url: URL
    public var path: String { url.path }

    /// Creates `<temporary directory>/<prefix>-<UUID>`.
    public init(_ prefix: String) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A new, empty folder inside this one, for helpers that make several per test.
    public func subfolder(_ name: String = UUID().uuidString) throws -> URL {
        let folder = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

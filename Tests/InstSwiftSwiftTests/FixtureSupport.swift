import Foundation
import InstSwiftCore
import InstSwiftSwift
import Testing

/// The repository, located from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// One `Fixtures/rewrite/<case>/` folder: `rules.yml`, `input.swift`, `expected.swift` (or `<no changes>`), and an
/// optional `context` line `module=M package=P version=1.2.3`.
struct RewriteCase: CustomTestStringConvertible, Sendable {
    let name: String
    var directory: URL { repositoryRoot.appendingPathComponent("Fixtures/rewrite/\(name)") }
    var testDescription: String { name }

    static let noChanges = "<no changes>\n"

    static var all: [RewriteCase] {
        let root = repositoryRoot.appendingPathComponent("Fixtures/rewrite")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().map(RewriteCase.init)
    }

    func read(_ file: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    }

    var fileContext: FileContext {
        var context = FileContext(path: "input.swift", module: "App", package: "app")
        for pair in ((try? read("context")) ?? "").split(whereSeparator: \.isWhitespace) {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "module": context.module = parts[1]
            case "package": context.package = parts[1]
            case "version": context.packageVersion = SemanticVersion(parts[1])
            case "path": context.path = parts[1]
            case "runtime", "support": continue  // see `runtimeAccess`, `carriesLinkTimeSupport`
            default: continue
            }
        }
        return context
    }

    /// `runtime=link-time` in `context`: the file belongs to a dependency's module, which reaches the runtime at link
    /// time; the expected output then ends with the support code the compiler shim appends to one file per module.
    var runtimeAccess: RuntimeAccess {
        ((try? read("context")) ?? "").contains("runtime=link-time") ? .linkTime : .importing
    }

    /// Whether the expected output carries the link-time support code in full (`support=full` in `context`: one
    /// fixture does). The other link-time fixtures end with ``supportPlaceholder`` instead, so a change to the support
    /// code re-records one fixture; the compile test puts the code back.
    var carriesLinkTimeSupport: Bool { ((try? read("context")) ?? "").contains("support=full") }

    static let supportPlaceholder = InjectedRegion.wrap(
        "\n// (the link-time support code the compiler shim appends: see link-time-dependency-module/expected.swift)\n"
    )

    /// Rewrites the input; returns the output or the no-changes marker.
    func run() throws -> (output: String, result: RewriteResult) {
        let frontend = SwiftFrontend()
        let rules = try RuleFileLoader(validator: frontend.codeValidator).parse(try read("rules.yml"), file: "rules.yml")
        var options = RewriteOptions()
        options.runtimeAccess = runtimeAccess
        var result = frontend.rewrite(try read("input.swift"), file: fileContext, rules: rules.rules, options: options)
        if runtimeAccess == .linkTime, let output = result.output {
            result.output =
                carriesLinkTimeSupport
                ? SwiftFrontend.appendingLinkTimeSupport(to: output, moduleImports: result.fileImports)
                : output + Self.supportPlaceholder
        }
        if let output = result.output, !result.moduleDeclarations.isEmpty {
            let imports = SwiftFrontend.declarationImports(result.moduleDeclarations, access: runtimeAccess)
            result.output = SwiftFrontend.appendingDeclarations(to: output, result.moduleDeclarations, imports: imports)
        }
        return (result.output ?? Self.noChanges, result)
    }
}

/// `git diff --no-index` of two texts, for failure messages.
func diff(expected: String, actual: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-diff-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("expected"), b = dir.appendingPathComponent("actual")
    try? expected.write(to: a, atomically: true, encoding: .utf8)
    try? actual.write(to: b, atomically: true, encoding: .utf8)
    return run(["git", "diff", "--no-index", "--no-color", a.path, b.path]).output
}

/// Runs a command and returns its exit status and combined output.
func run(_ arguments: [String], in directory: URL? = nil) -> (status: Int32, output: String) {
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

/// Whether `INSTSWIFT_RECORD=1` asks to rewrite expectations instead of checking them.
var isRecording: Bool { ProcessInfo.processInfo.environment["INSTSWIFT_RECORD"] == "1" }

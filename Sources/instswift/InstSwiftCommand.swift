import ArgumentParser
import Glibc
import Foundation
import InstSwiftBuild
import InstSwiftC
import InstSwiftCore
import InstSwiftSwift

/// `instswift`: compile-time OpenTelemetry instrumentation for Swift.
@main
struct InstSwiftCommand: ParsableCommand {
    /// Three faces: the compiler shim (when SwiftPM runs us as `swiftc`), the build wrapper (`instswift swift ...`,
    /// whose arguments belong to SwiftPM), and the subcommands.
    static func main() {
        let arguments = CommandLine.arguments
        let environment = ProcessInfo.processInfo.environment
        if URL(fileURLWithPath: arguments[0]).lastPathComponent == "swiftc" {
            Glibc.exit(CompilerShim.run(arguments: Array(arguments.dropFirst()), environment: environment))
        }
        if URL(fileURLWithPath: arguments[0]).lastPathComponent == CCompilerShim.name {
            Glibc.exit(CCompilerShim.run(arguments: Array(arguments.dropFirst()), environment: environment))
        }
        if arguments.count > 1, arguments[1] == "swift" {
            do {
                let session = try BuildSession(arguments: Array(arguments.dropFirst(2)), environment: environment, version: InstSwiftVersion.current)
                Glibc.exit(try session.run())
            } catch {
                report(error)
                Glibc.exit(2)
            }
        }
        // `instswift build` for `instswift swift build`: the wrapper takes SwiftPM's command line after `swift`.
        if arguments.count > 1, BuildSession.subcommands.contains(arguments[1]) {
            let rest = arguments.dropFirst().joined(separator: " ")
            report(BuildError.invalidArgument("'\(arguments[1])' is not an instswift command (did you mean 'instswift swift \(rest)'?)\n" + BuildSession.usage))
            Glibc.exit(64)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let diagnostics as Diagnostics {
            report(diagnostics)
            Glibc.exit(2)
        } catch {
            exit(withError: error)
        }
    }

    /// Prints a failure: located diagnostics as they are (`path:line:col: error: ...`), anything else after `error:`.
    static func report(_ error: any Error) {
        let text = (error as? Diagnostics)?.description ?? "error: \(error)"
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static let configuration = CommandConfiguration(
        commandName: "instswift",
        abstract: "Compile-time OpenTelemetry instrumentation for Swift, driven by YAML rules.",
        version: InstSwiftVersion.current,
        subcommands: [
            SwiftPassthroughCommand.self, PinCommand.self, DoctorCommand.self, DiffCommand.self, ExplainCommand.self, RewriteCommand.self, RulesCommand.self,
            TracesCommand.self,
        ]
    )
}

enum InstSwiftVersion {
    static let current = "0.1.0"
}

/// Options shared by the commands that rewrite files.
struct RewriteInputs: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A rules file (repeatable).")
    var ruleFiles: [String] = []

    @Option(help: "The module the files belong to (default: the folder under Sources/).")
    var module: String?

    @Option(
        help:
            "The package the files belong to, as NAME or NAME@VERSION, for rules with a package constraint (default: for a file in a build's checkouts/, that package at its checked-out version)."
    )
    var package: String?

    @Option(name: .customLong("cflag"), parsing: .unconditionalSingleValue, help: "A C compiler flag for parsing .c files (-I, -D, -std); repeatable.")
    var cFlags: [String] = []

    @Option(
        name: .customLong("enable-upcoming-feature"),
        help: "An upcoming Swift feature the module is built with, as swiftc takes it (InternalImportsByDefault, NonisolatedNonsendingByDefault); repeatable.")
    var upcomingFeatures: [String] = []

    @Argument(help: "Swift and C files, or folders.")
    var paths: [String]

    /// The `--rules` files; without any, the rules the build of the package holding the first path uses (the packs that
    /// are on, `.instswift.yml`'s rules files, `INSTSWIFT_RULES`), so that `explain` says what that build does.
    func loadRules(_ frontend: SwiftFrontend) throws -> RuleSet {
        guard ruleFiles.isEmpty else { return try CLIRules.load(ruleFiles, frontend: frontend) }
        return try BuildRules.load(
            near: paths.first,
            whenOutside: "give at least one --rules FILE, or name files inside a Swift package to use the rules its build uses "
                + "(the packs that are on, .instswift.yml's rules files, INSTSWIFT_RULES)")
    }

    /// Every Swift and C file named, folders searched recursively, in a stable order.
    func files() throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file or directory")
            }
            if isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: path)
                while let item = enumerator?.nextObject() as? String {
                    if Self.frontend(for: item) != nil, !item.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                        result.append((path as NSString).appendingPathComponent(item))
                    }
                }
            } else {
                guard Self.frontend(for: path) != nil else {
                    let known = Self.frontends.flatMap(\.fileExtensions).map { "." + $0 }.joined(separator: " and ")
                    throw ValidationError("\(path): instswift rewrites \(known) files")
                }
                result.append(path)
            }
        }
        return result.sorted()
    }

    /// The file's module and package: as given, or as the build would see them (a file of a dependency's checkout is
    /// that package's, at its version).
    func context(for path: String) -> FileContext {
        let named = package.map { package in
            let parts = package.split(separator: "@", maxSplits: 1).map(String.init)
            return (name: parts[0], version: parts.count > 1 ? SemanticVersion(parts[1]) : nil)
        }
        return NamedFilePackage.context(path: path, module: module ?? Self.inferModule(path), named: named)
    }

    static func inferModule(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        guard let index = parts.lastIndex(where: { $0 == "Sources" || $0 == "Tests" }), index + 1 < parts.count - 1 else { return nil }
        return String(parts[index + 1])
    }
}

extension RewriteInputs {
    /// Loads the rules (printing every problem and exiting 2 if there is one), then rewrites each file. A file's
    /// diagnostics go to standard error, compiler-style; if any is an error, the command exits 2 after the last file.
    /// `matchOnly`: stop after matching (explain), so nothing is rendered.
    func rewriteEach(matchOnly: Bool = false, _ handle: (_ path: String, _ source: String, _ result: RewriteResult) throws -> Void) throws {
        let rules = try loadRules(SwiftFrontend())
        var failed = false
        for path in try files() {
            guard let frontend = Self.frontend(for: path) else { continue }  // `files()` names only files with one
            let source = try String(contentsOfFile: path, encoding: .utf8)
            if let reason = NamedFilePackage.neverInstrumented(context(for: path)) {
                try handle(path, source, RewriteResult(skipped: FileSkip(reason: reason)))
                continue
            }
            var options = RewriteOptions()
            options.enableUpcomingFeatures(upcomingFeatures)
            if frontend.language == .c { options.compilerArguments = cFlags + Self.includeFolders(near: path).map { "-I" + $0 } }
            let result =
                matchOnly
                ? frontend.explain(source, file: context(for: path), rules: rules.rules, options: options)
                : frontend.rewrite(source, file: context(for: path), rules: rules.rules, options: options)
            if !result.diagnostics.all.isEmpty {
                FileHandle.standardError.write(Data((result.diagnostics.description + "\n").utf8))
                failed = failed || result.diagnostics.hasErrors
            }
            try handle(path, source, result)
        }
        if failed { throw ExitCode(2) }
    }

    /// The languages the commands rewrite, each registered by its file extensions.
    static let frontends: [any LanguageFrontend] = [SwiftFrontend(), CFrontend()]

    /// The frontend for a file, by its extension.
    static func frontend(for path: String) -> (any LanguageFrontend)? {
        let fileExtension = URL(fileURLWithPath: path).pathExtension
        return frontends.first { $0.fileExtensions.contains(fileExtension) }
    }

    /// `include` folders of the C target a file belongs to (SwiftPM's layout: `Sources/<Target>/include`), so a file
    /// parses without naming its own headers.
    static func includeFolders(near path: String) -> [String] {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var found: [String] = []
        for _ in 0..<4 {
            let include = folder.appendingPathComponent("include").path
            if FileManager.default.fileExists(atPath: include) { found.append(include) }
            if folder.deletingLastPathComponent().lastPathComponent == "Sources" { break }
            folder = folder.deletingLastPathComponent()
        }
        return found
    }
}

enum CLIRules {
    /// Loads rules files for a CLI command: every problem printed compiler-style, exit status 2.
    static func load(_ paths: [String], frontend: SwiftFrontend) throws -> RuleSet {
        do throws(Diagnostics) {
            return try RuleLoading.load(paths, validator: frontend.codeValidator)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
    }
}

/// Documents `instswift swift ...` in `--help`; the arguments are handled before parsing (they belong to SwiftPM).
struct SwiftPassthroughCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swift",
        abstract:
            "Run 'swift build|test|run' with instrumentation: instswift swift build [swift options] [--rules FILE] [--keep-work] [--log-level LEVEL] [--report PATH]"
    )
    @Argument(parsing: .allUnrecognized) var arguments: [String] = []
}

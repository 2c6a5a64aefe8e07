import Foundation
import InstSwiftCore
import InstSwiftSwift

/// Imports that let a `MemberImportVisibility` module compile instrumented where the Swift compiler attributes a C
/// declaration to another module than in the plain build.
///
/// A declaration of a non-modular system header (glibc's `in_addr`) is part of every C module whose header includes it;
/// the Swift compiler gives it the module of whichever copy it looks up first, and `MemberImportVisibility` then asks
/// every file that uses a member of it (`in_addr()`) to import that module. Span closures change the order in which the
/// compiler looks names up, so a module that compiles plain (swift-nio-ssl: `in_addr()` in one file, `import CNIOLinux`
/// and `MemoryLayout<in_addr>` in another) can fail instrumented with `initializer 'init()' is not available due to
/// missing import of defining module 'CNIOLinux'`. Such a compile is run again with the named C module imported by the
/// file the error names (as the module's other files import it, or plainly); what was added is recorded per module, so
/// later builds add it at once. Swift modules are never added: a member of one missing its import is the source's error.
struct MemberImportRepair {
    /// A file and the C modules to add to its imports.
    typealias Imports = [String: Set<String>]

    /// One error that asks a file to import a module.
    struct MissingImport: Hashable {
        /// Where the compiler asked for the import.
        var location: SourceLocation
        var module: String
    }

    let module: String
    let workDirectory: String

    var recordPath: String { "\(workDirectory)/member-imports/\(module).json" }

    /// The imports recorded for the module's files by earlier compiles.
    func recorded() -> Imports {
        guard let data = FileManager.default.contents(atPath: recordPath),
            let decoded = try? JSONDecoder().decode([String: [String]].self, from: data)
        else { return [:] }
        return decoded.mapValues(Set.init)
    }

    /// Adds `imports` to the record; returns whether anything was new.
    func record(_ imports: Imports) throws -> Bool {
        var all = recorded()
        let before = all
        for (path, modules) in imports { all[path, default: []].formUnion(modules) }
        guard all != before else { return false }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(all.mapValues { $0.sorted() }), to: recordPath)
        return true
    }

    /// The errors of a failed compile's output (plain or `-parseable-output`, where diagnostics are JSON strings) that
    /// ask a file of `sources` to import a C module: one that no `-I` folder holds a `.swiftmodule` of.
    static func missingImports(in output: String, sources: Set<String>, importPaths: [String]) -> [MissingImport] {
        let text = output.replacingOccurrences(of: "\\/", with: "/").replacingOccurrences(of: "\\n", with: "\n")
            .replacingOccurrences(of: "\\\"", with: "\"")
        var found: [MissingImport] = []
        for match in text.matches(of: diagnostic) {
            guard let line = Int(match.output.line), let column = Int(match.output.column) else { continue }
            let path = String(match.output.path)
            let module = String(match.output.module)
            guard sources.contains(path), !isSwiftModule(module, importPaths: importPaths) else { continue }
            found.append(MissingImport(location: SourceLocation(file: path, line: line, column: column), module: module))
        }
        var seen = Set<MissingImport>()
        return found.filter { seen.insert($0).inserted }
    }

    nonisolated(unsafe) private static let diagnostic =
        /(?<path>\/[^\n"]*?\.swift):(?<line>\d+):(?<column>\d+): error: [^\n]*? is not available due to missing import of defining module '(?<module>[A-Za-z_][A-Za-z0-9_]*)'/

    private static func isSwiftModule(_ name: String, importPaths: [String]) -> Bool {
        importPaths.contains { folder in
            FileManager.default.fileExists(atPath: "\(folder)/\(name).swiftmodule")
                || FileManager.default.fileExists(atPath: "\(folder)/\(name).swiftinterface")
        }
    }

    /// The import declaration to add for `module`: as the first of `texts` (the module's files) that imports it writes it
    /// (`@_implementationOnly import X`, `internal import X`: an import of one module must agree across files), or plain.
    static func importDeclaration(of module: String, asIn texts: [String?]) -> String {
        let pattern = try! Regex(
            #"^[ \t]*((?:@[A-Za-z_]+[ \t]+)*(?:(?:public|package|internal|fileprivate|private)[ \t]+)?)import[ \t]+"#
                + NSRegularExpression.escapedPattern(for: module) + #"[ \t]*(?://.*)?$"#
        ).anchorsMatchLineEndings()
        for case let text? in texts {
            if let match = text.firstMatch(of: pattern), let prefix = match.output[1].substring {
                return prefix.trimmingCharacters(in: .whitespaces).isEmpty
                    ? "import \(module)" : "\(prefix.trimmingCharacters(in: .whitespaces)) import \(module)"
            }
        }
        return "import \(module)"
    }

    /// `output` (a copy of a file, or the original's text) with `declarations` appended as an injected region.
    static func appending(_ declarations: [String], to output: String) -> String {
        output
            + InjectedRegion.wrap(
                "\n// instswift: the C modules MemberImportVisibility asked this file to import\n"
                    + declarations.map { $0 + "\n" }.joined())
    }

    /// How a compile of a `MemberImportVisibility` module went.
    enum Attempt {
        /// The real compiler ran to its end: its output, to pass on.
        case finished(CapturedRun)
        /// It failed only on imports this repair adds: the module was rewritten again with them, and these arguments
        /// compile that.
        case repaired(arguments: [String], missing: [MissingImport])
    }

    /// Runs the real compiler on `arguments` (a rewritten module); when it fails on errors that ask a file to import a C
    /// module, records the imports and rewrites the module again with them. The failed attempt's output is dropped.
    static func compile(_ arguments: [String], rewrite: ModuleRewrite, directory: String) throws -> Attempt {
        let configuration = rewrite.configuration, invocation = rewrite.invocation
        let attempt = try CapturedRun(tool: configuration.realSwiftc, arguments: arguments, directory: directory)
        guard attempt.status != 0 else { return .finished(attempt) }
        // The toolchain's own Swift modules (Foundation, Synchronization) are Swift modules too.
        let toolchainModules = URL(fileURLWithPath: configuration.realSwiftc).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("lib/swift/linux").path
        let missing = missingImports(in: attempt.output, sources: Set(invocation.sources), importPaths: invocation.importPaths + [toolchainModules])
        let repair = MemberImportRepair(module: rewrite.module, workDirectory: configuration.workDirectory)
        // Nothing new to add (a compile that failed with the imports already there) passes the failure on.
        guard !missing.isEmpty, try repair.record(Dictionary(grouping: missing, by: \.location.file).mapValues { Set($0.map(\.module)) }) else {
            return .finished(attempt)
        }
        let outcome = try rewrite.run()
        let repaired = try invocation.forRealCompiler(
            outcome.replacements, overlays: outcome.overlays, overlaysContent: outcome.overlaysContent, directory: directory)
        return .repaired(arguments: repaired, missing: missing)
    }

    /// The warning printed when a compile is repaired.
    static func warning(for missing: MissingImport, module: String) -> String {
        "\(missing.location): warning: instswift compiled this file with 'import \(missing.module)' "
            + "added: instrumented, the Swift compiler attributed a C declaration this line uses to C module '\(missing.module)', "
            + "and MemberImportVisibility (enabled for module '\(module)') then asked for its import; the source is unchanged"
    }
}

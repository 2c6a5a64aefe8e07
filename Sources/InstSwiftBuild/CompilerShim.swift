import Foundation
import InstSwiftCore
import InstSwiftSwift
import Synchronization

/// `swiftc` as SwiftPM calls it during `instswift swift ...`: rewrites the module's sources by the rules into the work
/// directory, then runs the real compiler on the copies. Anything else is handed to the real compiler untouched.
public enum CompilerShim {
    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        guard let configPath = environment[BuildConfiguration.environmentKey],
            let configuration = try? BuildConfiguration.read(from: configPath)
        else {
            printError("error: instswift was called as a compiler outside 'instswift swift ...' (\(BuildConfiguration.environmentKey) is not set)")
            return 1
        }
        let invocation = CompilerInvocation(arguments: arguments)
        if LinkStep.isLink(invocation) {
            do {
                return exec(configuration.realSwiftc, try LinkStep.arguments(for: invocation, configuration: configuration))
            } catch {
                printError("error: instswift could not prepare the link: \(error)")
                return 1
            }
        }
        // A build plugin's tool runs during the build, not in the program being traced: it compiles untouched.
        guard !invocation.isPassThrough, let module = invocation.moduleName, !configuration.buildToolModules.contains(module) else {
            return exec(configuration.realSwiftc, arguments)
        }
        if module == RuntimeAPI.module, let mismatch = RuntimeAPICheck.mismatch(sources: invocation.sources) {
            printError(mismatch.description)
            return 1
        }
        do {
            let started = ContinuousClock.now
            let rewrite = ModuleRewrite(configuration: configuration, module: module, invocation: invocation)
            let outcome = try rewrite.run()
            if !outcome.diagnostics.all.isEmpty { printError(outcome.diagnostics.description) }
            if outcome.diagnostics.hasErrors { return 1 }
            for warning in outcome.warnings { printError("warning: \(warning)") }
            if let missing = outcome.missingRuntimeModule {
                printError(
                    """
                    error: [\(missing.ruleID)] module '\(module)' uses \(missing.module) but cannot import it; run 'instswift pin' \
                    to add the instswift runtime package and products to the targets that rules instrument
                    """)
                return 1
            }
            let elapsed = ContinuousClock.now - started
            if configuration.logLevel >= .info, !outcome.report.sites.isEmpty {
                printError(
                    "instswift: \(module): \(outcome.report.sites.count) site(s) in \(outcome.replacements.count) of \(invocation.sources.count) file(s) instrumented (\(elapsed))"
                )
            }
            var report = outcome.report
            var usage = rusage()
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            report.peakMemoryMiB = Double(usage.ru_maxrss) / 1024
            report.milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            try report.write(to: configuration.workDirectory + "/reports/\(module).json")
            let directory = configuration.workDirectory + "/args/\(module)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return exec(
                configuration.realSwiftc,
                try invocation.forRealCompiler(
                    outcome.replacements, overlays: outcome.overlays, overlaysContent: outcome.overlaysContent, directory: directory))
        } catch {
            printError("error: instswift could not rewrite module '\(module)': \(error)")
            return 1
        }
    }

    /// Replaces this process with the real compiler (nothing of instswift stays resident during the compile).
    static func exec(_ tool: String, _ arguments: [String]) -> Int32 {
        let argv = ([tool] + arguments).map { strdup($0) } + [nil]
        execv(tool, argv)
        printError("error: instswift could not run the real compiler at \(tool): \(String(cString: strerror(errno)))")
        return 127
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Rewrites one module's sources.
struct ModuleRewrite {
    let configuration: BuildConfiguration
    let module: String
    let invocation: CompilerInvocation

    struct Outcome {
        /// Originals whose copies replace them on the command line.
        var replacements: [String: String] = [:]
        /// Originals the compiler keeps on its command line but reads from their copies through a VFS overlay.
        var overlays: [String: String] = [:]
        /// The overlaid copies' text, in source order: what names the overlay file.
        var overlaysContent = ""
        var diagnostics = Diagnostics()
        var report: ModuleReport
        var missingRuntimeModule: (module: String, ruleID: String)?
        /// Files left uninstrumented, and why (one build warning each).
        var warnings: [String] = []
    }

    static let runtimeModules = ["InstSwiftRuntime", "InstSwiftOTel"]

    /// `main.swift` is compiled under its own path, its copy read through a VFS overlay: its name is what makes a file
    /// top-level code, and a copy named `main.swift` elsewhere whose `#sourceLocation` names the original makes the
    /// compiler warn that two paths produce the same `#fileID`.
    static func compilesThroughOverlay(_ path: String) -> Bool {
        path.hasSuffix("/main.swift") || path == "main.swift"
    }

    /// How a module's injected code reaches the runtime: the root package's modules import it (`pin` adds it); a
    /// dependency's modules reach it at link time (a checkout never depends on it; a local path dependency does when it
    /// was pinned and the runtime is built).
    static func runtimeAccess(_ origin: PackageLayout.Origin?, runtimeAvailable: Bool) -> RuntimeAccess {
        switch origin {
        case .dependency(_, let isCheckout): isCheckout || !runtimeAvailable ? .linkTime : .importing
        default: .importing
        }
    }

    func run() throws -> Outcome {
        let frontend = SwiftFrontend()
        var outcome = Outcome(report: ModuleReport(module: module))
        let rules: RuleSet
        do throws(Diagnostics) {
            rules = try RuleLoading.load(configuration.ruleFiles, validator: frontend.codeValidator)
        } catch {
            outcome.diagnostics = error
            return outcome
        }
        let layout = PackageLayout(configuration: configuration)
        let sources = invocation.sources
        let swiftRules = rules.rules.filter { $0.language == .swift }
        let available = Set(
            Self.runtimeModules.filter { name in
                invocation.importPaths.contains { FileManager.default.fileExists(atPath: "\($0)/\(name).swiftmodule") }
            })
        let access = Self.runtimeAccess(sources.first.map(layout.origin(of:)), runtimeAvailable: available.contains("InstSwiftRuntime"))
        let results = Mutex<[Int: (path: String, result: RewriteResult)]>([:])
        let unreadable = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let path = sources[index]
            guard let context = layout.fileContext(path: path, module: module) else { return }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                // Never a silent skip: a path instswift read wrong from the command line would leave the file uninstrumented.
                if !FileManager.default.fileExists(atPath: path) { unreadable.withLock { $0.append(path) } }
                return
            }
            let candidates = Matcher.candidates(swiftRules, for: context, text: text)
            guard !candidates.isEmpty else { return }
            var options = RewriteOptions(emitSourceLocationHeader: !Self.compilesThroughOverlay(path))
            options.runtimeAccess = access
            let result = frontend.rewrite(text, file: context, rules: candidates, options: options)
            results.withLock { $0[index] = (path, result) }
        }
        for path in unreadable.withLock({ $0 }).sorted() {
            outcome.diagnostics.error(
                "instswift read the compiler input '\(path)' from SwiftPM's command line, and no such file exists; "
                    + "this is an instswift bug: please report it with the output of --log-level debug",
                at: SourceLocation(file: path, line: 1, column: 1)
            )
        }
        var rewritten = results.withLock { $0 }
        if access == .linkTime {
            // What the link-time support cannot stand in for (the bootstrap's InstSwiftOTel) leaves its file untouched.
            for (index, entry) in rewritten {
                guard entry.result.output != nil, let module = Self.runtimeModules.first(where: entry.result.addedImports.contains) else { continue }
                let rule = entry.result.instrumented.first?.applied.first?.id ?? "instswift"
                outcome.warnings.append(
                    "[\(rule)] \(entry.path) is compiled uninstrumented: the rules that apply need \(module), which module "
                        + "'\(self.module)' cannot import (it belongs to a dependency package, so only spans reach it)"
                )
                rewritten[index] = nil
            }
            // The support code goes into the first rewritten file, so the module's object files stay the ones SwiftPM links.
            if let first = rewritten.filter({ $0.value.result.output != nil }).keys.min(), let output = rewritten[first]?.result.output {
                let imports = rewritten.values.reduce(into: Set<String>()) { $0.formUnion($1.result.fileImports) }
                rewritten[first]?.result.output = SwiftFrontend.appendingLinkTimeSupport(to: output, moduleImports: imports)
                try LinkStep.recordLinkTimeModule(module, in: configuration.workDirectory)
            }
        }
        // Rules' declarations are added once per module, to the first rewritten file, in the order of the files.
        if let first = rewritten.filter({ $0.value.result.output != nil }).keys.min(), let output = rewritten[first]?.result.output {
            let declarations = rewritten.keys.sorted().flatMap { rewritten[$0]?.result.moduleDeclarations ?? [] }
            if !declarations.isEmpty {
                let runtime = SwiftFrontend.declarationImports(declarations, access: access)
                rewritten[first]?.result.output = SwiftFrontend.appendingDeclarations(to: output, declarations, imports: runtime)
                rewritten[first]?.result.addedImports.formUnion(runtime)
            }
        }
        for index in sources.indices {
            guard let (path, result) = rewritten[index] else { continue }
            outcome.diagnostics.append(contentsOf: result.diagnostics)
            guard let output = result.output else { continue }
            // What the rewrite made the file import (never text search: the link-time support's comments name the runtime).
            for module in Self.runtimeModules where result.addedImports.contains(module) && !available.contains(module) {
                let rule = result.instrumented.first?.applied.first?.id ?? "instswift"
                outcome.missingRuntimeModule = outcome.missingRuntimeModule ?? (module, rule)
            }
            let copy = WorkDirectory.copyPath(for: path, module: module, in: configuration.workDirectory)
            try AtomicFile.writeIfChanged(output, to: copy)
            if Self.compilesThroughOverlay(path) {
                outcome.overlays[path] = copy
                outcome.overlaysContent += output
            } else {
                outcome.replacements[path] = copy
            }
            for site in result.instrumented {
                outcome.report.sites.append(.init(file: path, line: site.site.location.line, name: site.site.displayName, rules: site.applied.map(\.id)))
            }
        }
        outcome.report.files = sources.count
        outcome.report.rewrittenFiles = outcome.replacements.count + outcome.overlays.count
        return outcome
    }
}

/// Loads every rules file of a run, reporting all problems of all files (and ids used twice) before failing.
public enum RuleLoading {
    public static func load(_ paths: [String], validator: any CodeValidator) throws(Diagnostics) -> RuleSet {
        let loader = RuleFileLoader(validator: validator)
        var set = RuleSet()
        var problems = Diagnostics()
        var ids: [String: SourceLocation] = [:]
        for path in paths {
            do throws(Diagnostics) {
                let loaded = try loader.load(path: path)
                for rule in loaded.rules {
                    if let first = ids[rule.id] {
                        problems.error("duplicate rule id '\(rule.id)' (first defined at \(first))", at: rule.location, rule: rule.id)
                    }
                    ids[rule.id] = rule.location
                }
                set.append(loaded)
            } catch { problems.append(contentsOf: error) }
        }
        if problems.hasErrors { throw problems }
        return set
    }
}

/// Where rewritten copies live: one folder per module, a hashed folder per original folder, and a distinct basename
/// (`Foo.instswift.swift`) so `#fileID` never collides with the original.
public enum WorkDirectory {
    public static func copyPath(for original: String, module: String, in work: String) -> String {
        let url = URL(fileURLWithPath: original)
        let folder = fnv1a(url.deletingLastPathComponent().path)
        return "\(work)/sources/\(module)/\(folder)/\(url.deletingPathExtension().lastPathComponent).instswift.swift"
    }

    /// A C file's copy keeps its name: its `#line` directive already makes the compiler name the original.
    static func cCopyPath(for original: String, module: String, in work: String) -> String {
        let url = URL(fileURLWithPath: original)
        return "\(work)/sources/\(module)/\(fnv1a(url.deletingLastPathComponent().path))/\(url.lastPathComponent)"
    }

    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}

/// What one module's rewrite did, for `--report`.
struct ModuleReport: Codable {
    struct Site: Codable {
        var file: String
        var line: Int
        var name: String
        var rules: [String]
    }

    var module: String
    var files = 0
    var rewrittenFiles = 0
    var milliseconds = 0.0
    /// The shim's peak resident memory while rewriting this module (before it hands over to the real compiler).
    var peakMemoryMiB = 0.0
    var sites: [Site] = []

    init(module: String) { self.module = module }

    /// Reports written by an older instswift lack newer fields: they decode with defaults.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        module = try container.decode(String.self, forKey: .module)
        files = try container.decodeIfPresent(Int.self, forKey: .files) ?? 0
        rewrittenFiles = try container.decodeIfPresent(Int.self, forKey: .rewrittenFiles) ?? 0
        milliseconds = try container.decodeIfPresent(Double.self, forKey: .milliseconds) ?? 0
        peakMemoryMiB = try container.decodeIfPresent(Double.self, forKey: .peakMemoryMiB) ?? 0
        sites = try container.decodeIfPresent([Site].self, forKey: .sites) ?? []
    }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try AtomicFile.write(try encoder.encode(self), to: path)
    }
}

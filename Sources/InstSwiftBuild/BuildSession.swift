import Foundation
import InstSwiftCore
import InstSwiftSwift

/// `instswift swift build|test|run ...`: runs SwiftPM with instswift standing in for `swiftc`.
public struct BuildSession {
    /// Set for `swift test`: the runtime bootstraps tracing on the first span when the program has not (see
    /// `InstSwift.lookUpTracer`), since a test runner's generated main carries no entry-point bootstrap.
    static let autoBootstrapKey = "INSTSWIFT_AUTO_BOOTSTRAP"

    /// Size and modification time of the running instswift executable.
    static var executableIdentity: String { FileStamp.of(CommandLine.executablePath) }
    /// instswift's own options, taken out of the swift command line wherever they appear.
    public struct Options {
        public var ruleFiles: [String] = []
        public var keepWork = false
        public var logLevel: LogLevel = .warning
        public var reportPath: String?

        public init() {}
    }

    public var swiftArguments: [String]
    public var options: Options
    public var environment: [String: String]
    public var version: String

    public init(arguments: [String], environment: [String: String], version: String) throws {
        var options = Options()
        var rest: [String] = []
        var index = 0
        if let level = environment["INSTSWIFT_LOG_LEVEL"] { options.logLevel = LogLevel(rawValue: level) ?? .warning }
        options.keepWork = environment["INSTSWIFT_KEEP_WORK"] == "1"
        func value(_ flag: String) throws -> String {
            guard index + 1 < arguments.count else { throw BuildError.invalidArgument("\(flag) needs a value") }
            index += 1
            return arguments[index]
        }
        // Arguments after `--` belong to the program: leave them alone (instswift's options are taken anywhere before it,
        // after `swift run`'s product too, as the README shows).
        var passThrough = false
        while index < arguments.count {
            let argument = arguments[index]
            if passThrough { rest.append(argument); index += 1; continue }
            switch argument {
            case "--": passThrough = true; rest.append(argument)
            case "--rules": options.ruleFiles.append(try value(argument))
            case "--keep-work": options.keepWork = true
            case "--report": options.reportPath = try value(argument)
            case "--log-level":
                let word = try value(argument)
                guard let level = LogLevel(rawValue: word) else {
                    throw BuildError.invalidArgument("--log-level '\(word)' is not one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                options.logLevel = level
            case "--build-system",
                _ where argument.hasPrefix("--build-system="):
                let system = argument == "--build-system" ? try value(argument) : String(argument.dropFirst("--build-system=".count))
                try Self.checkBuildSystem(system)
                rest += argument == "--build-system" ? [argument, system] : [argument]
            default: rest.append(argument)
            }
            index += 1
        }
        guard let subcommand = rest.first, Self.subcommands.contains(subcommand) else {
            throw BuildError.invalidArgument(Self.unsupported(subcommand: rest.first))
        }
        self.swiftArguments = rest
        self.options = options
        self.environment = environment
        self.version = version
    }

    /// The SwiftPM commands that compile, which instswift instruments, and how to call it with one.
    public static let subcommands = ["build", "test", "run"]
    public static let usage = "usage: instswift swift build|test|run [swift options] [--rules FILE] [--keep-work] [--log-level LEVEL] [--report PATH]"

    /// What to say of `instswift swift <subcommand>` when the subcommand is none of ``subcommands``.
    static func unsupported(subcommand: String?) -> String {
        guard let subcommand, !subcommand.hasPrefix("-") else { return usage }
        if let meant = Suggestion.closest(to: subcommand, in: subcommands) {
            return "'\(subcommand)' is not a command instswift wraps (did you mean 'instswift swift \(meant)'?)\n" + usage
        }
        return "instswift instruments what compiles — swift build, test and run; run 'swift \(subcommand)' as it is\n" + usage
    }

    /// instswift stands in for the compiler of SwiftPM's native build system; `swiftbuild` (and `xcode`) run their compiles
    /// without the settings instswift hands them, so a build with one would stop in its first compile, unexplained.
    static func checkBuildSystem(_ system: String) throws {
        guard system != "native" else { return }
        throw BuildError.invalidArgument(
            "'--build-system \(system)' is not supported: instswift instruments builds of SwiftPM's native build system, "
                + "whose compiles it stands in for; leave the option out (native is the default) or pass '--build-system native'")
    }

    func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard options.logLevel >= level else { return }
        FileHandle.standardError.write(Data("instswift: \(message())\n".utf8))
    }

    /// Runs the build and returns swift's exit status.
    public func run() throws -> Int32 {
        let packageRoot = try locatePackageRoot()
        let scratch = flagValue("--scratch-path").map { absolute($0) } ?? Self.defaultScratchPath(packageRoot: packageRoot)
        let instswiftDirectory = scratch + "/instswift"
        let workDirectory = instswiftDirectory + "/work"

        // Rules: every file, checked before anything is compiled.
        let sources = try RuleSources.ofBuild(packageRoot: packageRoot, environment: environment, commandLineFiles: options.ruleFiles)
        let ruleFiles = try sources.files(packageRoot: packageRoot, generatedDirectory: instswiftDirectory + "/generated")
        let rules: RuleSet
        do throws(Diagnostics) {
            rules = try RuleLoading.load(ruleFiles, validator: SwiftFrontend().codeValidator)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            return 2
        }
        log(.info, "rules: \(rules.rules.count) rule(s) from \(ruleFiles.count) file(s) (packs: \(sources.enabledPacks.joined(separator: ", ")))")
        for rule in rules.rules { log(.info, "  \(rule.id)\t\(rule.advice.map(\.key).joined(separator: ","))\t\(rule.location)") }

        let lock = try BuildLock.acquire(instswiftDirectory + "/lock") {
            log(.warning, "another instswift run is using \(scratch); waiting for it to finish")
        }
        defer { withExtendedLifetime(lock) {} }
        let realSwiftc = try Toolchain.locateSwiftc(environment: environment)
        let fakeSwiftc = try Toolchain.prepareShim(
            realSwiftc: realSwiftc, in: instswiftDirectory + "/toolchain", cTargetPatterns: CCompileGate.targetPatterns(rules.rules)
        )
        let configuration = BuildConfiguration(
            realSwiftc: realSwiftc, packageRoot: packageRoot, scratchPath: scratch, workDirectory: workDirectory,
            ruleFiles: ruleFiles,
            logLevel: options.logLevel, keepWork: options.keepWork,
            buildToolModules: BuildTools.moduleNames(
                packageRoot: packageRoot, environment: environment, cacheFile: instswiftDirectory + "/build-tools.json"
            )
        )
        let configPath = instswiftDirectory + "/config.json"
        try configuration.write(to: configPath)

        // Rules and the instswift executable go into every compile's command line, so changing either rebuilds: a new
        // instswift may render the same rules differently (the version alone missed rebuilt or patched executables,
        // leaving dependency modules compiled with the old link-time contract).
        let fingerprint = WorkDirectory.fnv1a(rules.fingerprint + version + Self.executableIdentity)
        var arguments = [swiftArguments[0]]
        if flagValue("--scratch-path") == nil { arguments += ["--scratch-path", scratch] }
        arguments += ["-Xswiftc", CompilerInvocation.fingerprintDefinePrefix + fingerprint]
        // C compiles see it too when C rules exist, so changing those reruns them (SwiftPM has no other input to watch).
        let instrumentsC = rules.rules.contains { $0.language == .c }
        if instrumentsC {
            arguments += ["-Xcc", CompilerInvocation.fingerprintDefinePrefix + fingerprint]
        }
        arguments += swiftArguments.dropFirst()

        // A manifest pinned to the runtime's repository resolves it from the copy an installed instswift carries.
        let runtimePackage = RuleSources.locateRuntimePackage(environment: environment, builtinDirectory: sources.builtinDirectory)
        var childEnvironment = RuntimeSource.forPackage(packageRoot, version: version, environment: environment, runtimePackage: runtimePackage)
            .resolvingLocally(environment)
        childEnvironment["SWIFT_EXEC"] = fakeSwiftc
        // Without C rules, C compiles go straight to the compiler: no process in between for files nothing rewrites.
        if instrumentsC {
            childEnvironment["CC"] = URL(fileURLWithPath: fakeSwiftc).deletingLastPathComponent().appendingPathComponent(CCompilerShim.name).path
            childEnvironment[CCompilerShim.realCompilerKey] =
                environment["CC"] ?? URL(fileURLWithPath: realSwiftc).deletingLastPathComponent().appendingPathComponent("clang").path
        }
        childEnvironment[BuildConfiguration.environmentKey] = configPath
        if swiftArguments[0] != "build", environment["INSTSWIFT_TRACE_FILE"] == nil {
            // Where a program started in the package root writes too (`.build/instswift/traces.jsonl`): `instswift traces`.
            childEnvironment["INSTSWIFT_TRACE_FILE"] = scratch + "/traces.jsonl"
        }
        // Test processes start in a generated main that is never rewritten: the runtime bootstraps on the first span.
        if swiftArguments[0] == "test", environment[Self.autoBootstrapKey] == nil {
            childEnvironment[Self.autoBootstrapKey] = "1"
            // ...unless the tests bootstrap tracing themselves (recorded as their modules compile).
            childEnvironment[SelfBootstrappingTests.environmentKey] = SelfBootstrappingTests.folder(in: workDirectory)
        }
        log(.debug, "swift \(arguments.joined(separator: " "))")
        let started = Date()
        let status = try Toolchain.run(realSwiftc.replacingOccurrences(of: "/swiftc", with: "/swift"), arguments, environment: childEnvironment)
        // A run that skips the build loaded the graph its earlier build loaded: a failure is the program's or its tests'
        // (grpc-swift-2's instrumented suite was told about a dependency cycle its build never had).
        if status != 0, !swiftArguments.contains("--skip-build"),
            let hint = ResolutionHint.afterFailure(
                packageRoot: packageRoot, scratchPath: scratch, version: version,
                reachedCompilation: Self.modulesCompiled(since: started, reports: workDirectory + "/reports"))
        {
            FileHandle.standardError.write(Data((hint + "\n").utf8))
        }

        if swiftArguments[0] == "test", Self.enablesCodeCoverage(swiftArguments) {
            mapCoverageExports(scratchPath: scratch, workDirectory: workDirectory, since: started)
        }
        if let reportPath = options.reportPath {
            try BuildReport.aggregate(from: workDirectory + "/reports", to: absolute(reportPath), rules: rules)
        }
        if options.keepWork { log(.warning, "rewritten sources are in \(workDirectory)/sources") }
        return status
    }

    /// Whether a `swift test` command line turns code coverage on (the last of the two flags wins, as in SwiftPM).
    static func enablesCodeCoverage(_ arguments: [String]) -> Bool {
        let options = arguments.prefix { $0 != "--" }
        return options.last { $0 == "--enable-code-coverage" || $0 == "--disable-code-coverage" } == "--enable-code-coverage"
    }

    /// The tests' coverage export names the copies the compiler read: told about the user's files instead (ADR 0019).
    /// A failure leaves the export as it was and never changes the run's outcome.
    private func mapCoverageExports(scratchPath: String, workDirectory: String, since started: Date) {
        let mapping = Date()
        do {
            for export in try CoverageExport.mapExports(scratchPath: scratchPath, workDirectory: workDirectory, since: started) {
                log(.info, "coverage: \(export) names your sources, not the instrumented copies")
            }
            log(.debug, "coverage: mapped in \(Int(Date().timeIntervalSince(mapping) * 1000)) ms; instswift's peak memory \(Int(peakMemoryMiB())) MiB")
        } catch {
            log(.warning, "the coverage export still names the instrumented copies: it could not be rewritten (\(error))")
        }
    }

    /// Whether a compiler shim wrote a module's report since `date`: the build got past loading the package graph.
    static func modulesCompiled(since date: Date, reports: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reports)) ?? []
        return names.contains { name in
            let modified = (try? FileManager.default.attributesOfItem(atPath: reports + "/" + name))?[.modificationDate] as? Date
            return modified.map { $0 >= date } ?? false
        }
    }

    func flagValue(_ flag: String) -> String? {
        for (index, argument) in swiftArguments.enumerated() {
            if argument == "--" { break }
            if argument == flag, index + 1 < swiftArguments.count { return swiftArguments[index + 1] }
            if argument.hasPrefix(flag + "=") { return String(argument.dropFirst(flag.count + 1)) }
        }
        return nil
    }

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// `--package-path`, or the nearest folder with a Package.swift above the current one.
    public func locatePackageRoot() throws -> String {
        if let explicit = flagValue("--package-path") {
            return URL(fileURLWithPath: absolute(explicit)).standardizedFileURL.path
        }
        guard let root = Self.nearestPackageRoot(from: FileManager.default.currentDirectoryPath) else {
            throw BuildError.missing("no Package.swift in \(FileManager.default.currentDirectoryPath) or above it")
        }
        return root
    }

    /// `directory` or the nearest folder above it that holds a Package.swift.
    /// Where `instswift swift ...` builds a package without `--scratch-path`: apart from the plain build's `.build`.
    static func defaultScratchPath(packageRoot: String) -> String { packageRoot + "/.build/instswift" }

    public static func nearestPackageRoot(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory)
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            if url.path == "/" { return nil }
            url.deleteLastPathComponent()
        }
    }
}

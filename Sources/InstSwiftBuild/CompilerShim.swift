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
            report.peakMemoryMiB = peakMemoryMiB()
            report.milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            try report.write(to: configuration.workDirectory + "/reports/\(module).json")
            let directory = invocation.argumentsDirectory(module: module, workDirectory: configuration.workDirectory)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let arguments = try invocation.forRealCompiler(
                outcome.replacements, overlays: outcome.overlays, overlaysContent: outcome.overlaysContent, directory: directory)
            guard outcome.checksMemberImports, !outcome.replacements.isEmpty || !outcome.overlays.isEmpty else {
                return exec(configuration.realSwiftc, arguments)
            }
            switch try MemberImportRepair.compile(arguments, rewrite: rewrite, directory: directory) {
            case .finished(let attempt):
                attempt.forward()
                return attempt.status
            case .repaired(let arguments, let missing):
                for import_ in missing { printError(MemberImportRepair.warning(for: import_, module: module)) }
                return exec(configuration.realSwiftc, arguments)
            }
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

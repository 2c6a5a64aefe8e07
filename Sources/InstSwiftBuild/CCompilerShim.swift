import Foundation
import InstSwiftC
import InstSwiftCore
import InstSwiftSwift

/// `cc` as SwiftPM calls it for C targets during `instswift swift ...`: rewrites the compiled `.c` file by the C rules
/// into the work directory (prefixed by the runtime's C declarations and `#line 1 "<original>"`, so diagnostics, `__FILE__`
/// and debug info name the original file and lines), compiles the copy, and rewrites the dependency file to name the
/// original. Every other invocation, and every file no rule touches, goes to the real compiler untouched.
public enum CCompilerShim {
    /// The name the shim toolchain gives instswift for C compiles.
    public static let name = "instswift-cc"
    /// The environment variable naming the real C compiler.
    public static let realCompilerKey = "INSTSWIFT_REAL_CC"

    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        guard let real = environment[realCompilerKey] else {
            CompilerShim.printError("error: instswift was called as a C compiler outside 'instswift swift ...' (\(realCompilerKey) is not set)")
            return 1
        }
        guard let configPath = environment[BuildConfiguration.environmentKey],
            let configuration = try? BuildConfiguration.read(from: configPath),
            let compile = CCompile(arguments: arguments)
        else {
            return CompilerShim.exec(real, arguments)
        }
        do {
            guard let copy = try rewrite(compile, configuration: configuration) else { return CompilerShim.exec(real, arguments) }
            let status = try Toolchain.run(real, compile.replacingSource(with: copy), environment: environment)
            if status == 0, let depfile = compile.dependencyFile { try compile.fixDependencies(in: depfile, copy: copy) }
            return status
        } catch let failure as CShimFailure {
            CompilerShim.printError(failure.message)
            return 1
        } catch {
            CompilerShim.printError("error: instswift could not instrument \(compile.source): \(error)")
            return 1
        }
    }

    struct CShimFailure: Error { var message: String }

    /// Writes the rewritten copy and returns its path, or nil when no rule changes the file.
    static func rewrite(_ compile: CCompile, configuration: BuildConfiguration) throws -> String? {
        guard let module = compile.moduleName else { return nil }
        let shim: ShimRewrite<CFrontend>
        do throws(Diagnostics) {
            guard let loaded = try ShimRewrite(frontend: CFrontend(), configuration: configuration) else { return nil }
            shim = loaded
        } catch {
            throw CShimFailure(message: error.description)
        }
        var options = RewriteOptions(emitSourceLocationHeader: true)
        options.compilerArguments = compile.arguments
        let started = ContinuousClock.now
        // A missing source is the real compiler's error to report, as it would be without instswift.
        guard
            case .rewritten(let result) = shim.rewrite(
                compile.source, text: try? String(contentsOfFile: compile.source, encoding: .utf8), module: module, options: options)
        else { return nil }
        if !result.diagnostics.all.isEmpty { CompilerShim.printError(result.diagnostics.description) }
        if result.diagnostics.hasErrors { throw CShimFailure(message: "error: instswift could not instrument \(compile.source)") }
        guard let output = result.output else { return nil }
        // A dependency's C target cannot be pinned: programs link the runtime through the root's products, or get stubs.
        if shim.layout.origin(of: compile.source) == .root, !compile.seesRuntime, let first = result.instrumented.first {
            let location = first.site.location
            throw CShimFailure(
                message: """
                    \(compile.source):\(location.line):\(location.column): error: [\(result.firstAppliedRuleID)] target '\(module)' \
                    is instrumented but does not depend on InstSwiftRuntime, which implements the C span API; run 'instswift pin' \
                    to add the runtime package and product to the targets that rules instrument
                    """)
        }
        let copy = WorkDirectory.cCopyPath(for: compile.source, module: module, in: configuration.workDirectory)
        try AtomicFile.writeIfChanged(output, to: copy)
        // Programs that link this module without the runtime (a dependent that does not trace, a plugin's tool) get stubs.
        try LinkStep.recordLinkTimeModule(module, in: configuration.workDirectory)
        var report = ModuleReport(module: module)
        report.files = 1
        report.rewrittenFiles = 1
        report.milliseconds = (ContinuousClock.now - started).milliseconds
        report.sites = result.reportSites(in: compile.source)
        try report.write(to: configuration.workDirectory + "/reports/\(module).c-\(WorkDirectory.fnv1a(compile.source)).json")
        if configuration.logLevel >= .info {
            CompilerShim.printError("instswift: \(module): \(report.sites.count) C function(s) instrumented in \(compile.source)")
        }
        return copy
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}

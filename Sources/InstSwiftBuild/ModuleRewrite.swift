import Foundation
import InstSwiftCore
import InstSwiftSwift
import Synchronization

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
        /// Whether the module is compiled with `MemberImportVisibility` (``MemberImportRepair``).
        var checksMemberImports = false
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
        var outcome = Outcome(report: ModuleReport(module: module))
        let sources = invocation.sources
        outcome.report.files = sources.count
        let shim: ShimRewrite<SwiftFrontend>
        do throws(Diagnostics) {
            guard let loaded = try ShimRewrite(frontend: SwiftFrontend(), configuration: configuration) else { return outcome }
            shim = loaded
        } catch {
            outcome.diagnostics = error
            return outcome
        }
        let available = Set(
            Self.runtimeModules.filter { name in
                invocation.importPaths.contains { FileManager.default.fileExists(atPath: "\($0)/\(name).swiftmodule") }
            })
        let access = Self.runtimeAccess(sources.first.map(shim.layout.origin(of:)), runtimeAvailable: available.contains("InstSwiftRuntime"))
        // Every file is read before any is rewritten: what a file can return from a span closure depends on the types
        // other files of the module declare, and the modules it imports (compiled before it, so recorded).
        let texts = sources.map { try? String(contentsOfFile: $0, encoding: .utf8) }
        try SelfBootstrappingTests.record(
            SelfBootstrappingTests.find(paths: sources, texts: texts), module: module, workDirectory: configuration.workDirectory)
        /// What `scan` finds in all the module's files.
        func scanned(_ scan: (String) -> Set<String>) -> Set<String> {
            texts.reduce(into: Set<String>()) { found, text in text.map { found.formUnion(scan($0)) } }
        }
        let noncopyableTypes = try DeclaredTypeRecord(.noncopyable, workDirectory: configuration.workDirectory)
            .recording(scanned(NoncopyableTypes.declared), of: module)
        let builderRecord = DeclaredTypeRecord(.resultBuilders, workDirectory: configuration.workDirectory)
        let builders = scanned(ResultBuilderTypes.declared)
        // Aliases of the builders of this module and of those compiled before it.
        let known = try builderRecord.recording(builders, of: module)
        let aliases = scanned { ResultBuilderTypes.aliases(in: $0, of: known) }.subtracting(builders)
        let resultBuilderTypes = aliases.isEmpty ? known : try builderRecord.recording(builders.union(aliases), of: module)
        let genericTypes = try DeclaredTypeRecord(.genericTypes, workDirectory: configuration.workDirectory)
            .recording(scanned(GenericTypeScan.declared), of: module)
        let features = invocation.enabledFeatures
        let declaresPatternMatchOperators = texts.contains { $0.map(PatternMatchOperators.declared(in:)) ?? false }
        outcome.checksMemberImports = features.contains(RewriteOptions.memberImportVisibility)
        let results = Mutex<[Int: (path: String, result: RewriteResult)]>([:])
        let unreadable = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let path = sources[index]
            var options = RewriteOptions(emitSourceLocationHeader: !Self.compilesThroughOverlay(path))
            options.runtimeAccess = access
            options.noncopyableTypes = noncopyableTypes
            options.resultBuilderTypes = resultBuilderTypes
            options.genericTypes = genericTypes
            options.declaresPatternMatchOperators = declaresPatternMatchOperators
            options.enableUpcomingFeatures(features)
            switch shim.rewrite(path, text: texts[index], module: module, options: options) {
            case .untouched: break
            // Never a silent skip: a path instswift read wrong from the command line would leave the file uninstrumented.
            case .missing: unreadable.withLock { $0.append(path) }
            case .rewritten(let result): results.withLock { $0[index] = (path, result) }
            }
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
                let rule = entry.result.firstAppliedRuleID
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
                let runtime = SwiftFrontend.declarationImports(
                    declarations, access: access, membersNeedTheirModuleImported: outcome.checksMemberImports)
                rewritten[first]?.result.output = SwiftFrontend.appendingDeclarations(to: output, declarations, imports: runtime)
                rewritten[first]?.result.addedImports.formUnion(runtime)
            }
        }
        let repairs =
            outcome.checksMemberImports ? MemberImportRepair(module: module, workDirectory: configuration.workDirectory).recorded() : [:]
        for (index, path) in sources.enumerated() {
            guard let modules = repairs[path], let text = texts[index] else { continue }
            let declarations = modules.sorted().map { MemberImportRepair.importDeclaration(of: $0, asIn: texts) }
            if let output = rewritten[index]?.result.output {
                rewritten[index]?.result.output = MemberImportRepair.appending(declarations, to: output)
            } else {
                // A file no rule changed gets a copy of its own for the imports.
                let header = Self.compilesThroughOverlay(path) ? "" : SwiftFrontend.sourceLocationHeader(for: path)
                rewritten[index] = (path, RewriteResult(output: MemberImportRepair.appending(declarations, to: header + text), reports: []))
            }
        }
        for index in sources.indices {
            guard let (path, result) = rewritten[index] else { continue }
            outcome.diagnostics.append(contentsOf: result.diagnostics)
            guard let output = result.output else { continue }
            // What the rewrite made the file import (never text search: the link-time support's comments name the runtime).
            for module in Self.runtimeModules where result.addedImports.contains(module) && !available.contains(module) {
                outcome.missingRuntimeModule = outcome.missingRuntimeModule ?? (module, result.firstAppliedRuleID)
            }
            let copy = WorkDirectory.copyPath(for: path, module: module, in: configuration.workDirectory)
            try AtomicFile.writeIfChanged(output, to: copy)
            if Self.compilesThroughOverlay(path) {
                outcome.overlays[path] = copy
                outcome.overlaysContent += output
            } else {
                outcome.replacements[path] = copy
            }
            outcome.report.sites += result.reportSites(in: path)
        }
        outcome.report.rewrittenFiles = outcome.replacements.count + outcome.overlays.count
        return outcome
    }
}

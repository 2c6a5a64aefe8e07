import Foundation
import InstSwiftC
import InstSwiftCore
import InstSwiftSwift

/// `instswift pin`: adds the runtime package, and the runtime products to every target whose code the rules would
/// make import them, using SwiftPM's own manifest editing; moves a runtime dependency written before (an older
/// version, or the folder an older instswift pinned) to this one. Running it again changes nothing.
public struct Pinning {
    /// What the manifest names as the runtime.
    public enum RuntimeReference: Sendable {
        /// `.package(url:exact:)`: resolves wherever the repository does (docs/adr/0009).
        case repository(RuntimeSource)
        /// `.package(path:)` to a runtime folder: resolves only where that folder is.
        case folder(String)
    }

    public var packageRoot: String
    public var ruleFiles: [String]
    public var runtime: RuntimeReference
    public var environment: [String: String]

    public init(packageRoot: String, ruleFiles: [String], runtime: RuntimeReference, environment: [String: String]) {
        self.packageRoot = packageRoot
        self.ruleFiles = ruleFiles
        self.runtime = runtime
        self.environment = environment
    }

    /// What `pin` changes.
    public struct Plan: Equatable {
        public var addPackage: Bool
        /// Manifests whose runtime dependency moves, with the new text: (file, old dependency, new manifest text).
        public var retargets: [Retarget] = []
        public var products: [(target: String, product: String)]
        public static func == (a: Plan, b: Plan) -> Bool {
            a.addPackage == b.addPackage && a.retargets == b.retargets
                && a.products.map { "\($0.target)/\($0.product)" } == b.products.map { "\($0.target)/\($0.product)" }
        }
        public var isEmpty: Bool { !addPackage && retargets.isEmpty && products.isEmpty }
    }

    public struct Retarget: Equatable {
        public var manifest: String
        public var before: String
        public var after: String
        var text: String
    }

    /// SwiftPM's name for the runtime package in `.product(name:package:)`.
    var runtimeIdentity: String {
        switch runtime {
        case .repository(let source): source.identity
        case .folder(let path): URL(fileURLWithPath: path).lastPathComponent
        }
    }

    /// The dependency as `pin` writes it.
    public var dependencyExpression: String {
        switch runtime {
        case .repository(let source): source.dependencyExpression
        case .folder(let path): ".package(path: \"\(relativePath(from: packageRoot, to: path))\")"
        }
    }

    /// Every manifest of the package (`Package.swift` and the version-specific ones) whose runtime dependency is not
    /// the one this pin writes.
    func retargets() -> (found: Bool, retargets: [Retarget]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot)) ?? [])
            .filter { $0 == "Package.swift" || ($0.hasPrefix("Package@swift-") && $0.hasSuffix(".swift")) }.sorted()
        var found = false
        var retargets: [Retarget] = []
        for name in names {
            let path = packageRoot + "/" + name
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                let dependency = ManifestRuntimeDependency.find(in: text, packageRoot: packageRoot)
            else { continue }
            found = true
            if let edited = ManifestRuntimeDependency.retargeting(text, packageRoot: packageRoot, to: dependencyExpression, identity: runtimeIdentity) {
                retargets.append(Retarget(manifest: name, before: dependency.callText, after: dependencyExpression, text: edited))
            }
        }
        return (found, retargets)
    }

    /// The rule of the built-in `bootstrap` pack.
    static let bootstrapRuleID = "instswift.bootstrap"

    public func plan() throws -> Plan {
        let description = try describe()
        let rules: RuleSet
        do throws(Diagnostics) {
            rules = try RuleLoading.load(ruleFiles, validator: SwiftCodeValidator())
        } catch {
            throw BuildError.rules(error.description)
        }
        let frontend = SwiftFrontend()
        let identity = URL(fileURLWithPath: packageRoot).lastPathComponent.lowercased()
        let existing = retargets()
        var plan = Plan(addPackage: !existing.found, retargets: existing.retargets, products: [])
        var instrumented = false
        var testTargets: [(name: String, existing: Set<String>)] = []
        let targets = description["targets"] as? [[String: Any]] ?? []
        // A build plugin's tools run during the build, not in the program: the runtime is never added to them.
        let pluginTools = BuildTools.targetNames(in: description)
        // A C file includes the public headers of the targets it depends on, as the build's compile line does; parsed
        // without them it would not be rewritten here and yet be rewritten in the build (ordo-one/malloc-interposer's
        // C test helper, which includes its library's header).
        let includeFlags = targets.compactMap { $0["path"] as? String }.flatMap { ["-I", packageRoot + "/" + $0 + "/include"] }
        for target in targets {
            guard let name = target["name"] as? String, let path = target["path"] as? String, !pluginTools.contains(name),
                ["executable", "library", "test"].contains(target["type"] as? String ?? "")
            else { continue }
            let existing = Set(target["product_dependencies"] as? [String] ?? [])
            if target["type"] as? String == "test" { testTargets.append((name, existing)) }
            if existing.contains("InstSwiftRuntime") { instrumented = true }
            var needed: [String] = []
            for source in target["sources"] as? [String] ?? [] {
                let file = packageRoot + "/" + path + "/" + source
                guard source.hasSuffix(".swift") || source.hasSuffix(".c"),
                    let text = try? String(contentsOfFile: file, encoding: .utf8)
                else { continue }
                let context = FileContext(path: file, module: name, package: identity)
                if source.hasSuffix(".c") {
                    // Instrumented C calls the runtime's C API, which InstSwiftRuntime implements.
                    var options = RewriteOptions()
                    options.compilerArguments = includeFlags
                    if CFrontend().rewrite(text, file: context, rules: rules.rules, options: options).output != nil,
                        !needed.contains("InstSwiftRuntime")
                    {
                        needed.append("InstSwiftRuntime")
                    }
                    continue
                }
                let result = frontend.rewrite(text, file: context, rules: rules.rules, options: RewriteOptions())
                guard result.output != nil else { continue }
                // The runtime modules the rewritten file imports: those the rewrite added and any it already had.
                let imported = result.addedImports.union(result.fileImports)
                for product in RuntimeSource.products where imported.contains(product) && !needed.contains(product) {
                    needed.append(product)
                }
            }
            if !needed.isEmpty { instrumented = true }
            for product in RuntimeSource.products where needed.contains(product) && !existing.contains(product) {
                plan.products.append((name, product))
            }
        }
        // Test runners start in a generated main that no rule reaches; linking InstSwiftOTel lets the runtime bootstrap
        // on the first span under `instswift swift test`, so instrumented code exports its spans there too — unless the
        // bootstrap pack is off (`.instswift.yml`): then the package bootstraps tracing itself, or not at all.
        let bootstraps = rules.rules.contains { $0.id == Self.bootstrapRuleID }
        for test in testTargets
        where instrumented && bootstraps && !test.existing.contains("InstSwiftOTel")
            && !plan.products.contains(where: { $0.target == test.name && $0.product == "InstSwiftOTel" })
        {
            plan.products.append((test.name, "InstSwiftOTel"))
        }
        return plan
    }

    /// Applies a plan with `swift package add-dependency` / `add-target-dependency`, then raises the tools version if the
    /// runtime's dependencies lead back to the package (checked on an empty plan too: a package pinned by an older
    /// instswift may still need it); returns what it did, empty when nothing was needed.
    /// SwiftPM's editing only touches `Package.swift`; when a version-specific manifest (`Package@swift-6.0.swift`) is the
    /// one this toolchain reads, that manifest is edited in `Package.swift`'s place and both are put back.
    public func apply(_ plan: Plan) throws -> [String] {
        let versioned = try effectiveVersionedManifest()
        var done: [String] = []
        for retarget in plan.retargets {
            try AtomicFile.write(Data(retarget.text.utf8), to: packageRoot + "/" + retarget.manifest)
            done.append("moved the runtime dependency \(retarget.before) to \(retarget.after) (in \(retarget.manifest))")
        }
        if plan.addPackage || !plan.products.isEmpty {
            done += try versioned.map { try applyInPlace(of: $0, plan) } ?? applyToPackageSwift(plan)
        }
        if let raised = try raiseToolsVersionIfCyclic(manifest: versioned ?? packageRoot + "/Package.swift") { done.append(raised) }
        return done
    }

    private func applyInPlace(of versioned: String, _ plan: Plan) throws -> [String] {
        let manager = FileManager.default
        let main = packageRoot + "/Package.swift", aside = packageRoot + "/.Package.swift.instswift-pin"
        try manager.moveItem(atPath: main, toPath: aside)
        defer {
            try? manager.removeItem(atPath: main)
            try? manager.moveItem(atPath: aside, toPath: main)
        }
        try manager.copyItem(atPath: versioned, toPath: main)
        let done = try applyToPackageSwift(plan)
        try AtomicFile.write(try Data(contentsOf: URL(fileURLWithPath: main)), to: versioned)
        return done.map { $0 + " (in \(URL(fileURLWithPath: versioned).lastPathComponent))" }
    }

    /// The `Package@swift-X[.Y[.Z]].swift` SwiftPM reads with this toolchain, if it reads one (``versionedManifest(among:current:toolsVersion:)``).
    func effectiveVersionedManifest() throws -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot)) ?? []
        guard names.contains(where: { $0.hasPrefix("Package@swift-") }) else { return nil }
        let output = try capture(["--version"], package: false)
        guard let match = output.firstMatch(of: /Swift version (\d+)\.(\d+)(?:\.(\d+))?/) else { return nil }
        let current = [Int(match.1)!, Int(match.2)!, Int(match.3 ?? "0")!]
        let chosen = Self.versionedManifest(among: names, current: current) { name in
            (try? String(contentsOfFile: packageRoot + "/" + name, encoding: .utf8)).flatMap(ManifestToolsVersion.version(of:))
        }
        return chosen.map { packageRoot + "/" + $0 }
    }

    /// SwiftPM's choice of manifest (ManifestLoader): a `Package@swift-` manifest named for this toolchain's
    /// `MAJOR.MINOR.PATCH`, `MAJOR.MINOR` or `MAJOR`, in that order; otherwise the newest one not above the toolchain,
    /// but only when it declares a newer tools version than `Package.swift` (apple/swift-system and SWXMLHash keep a
    /// `Package@swift-5.10.swift` beside a tools-6.0 `Package.swift`, which SwiftPM 6 reads) or `Package.swift` needs a
    /// newer toolchain than this one. Nil: `Package.swift`.
    static func versionedManifest(among names: [String], current: [Int], toolsVersion: (String) -> [Int]?) -> String? {
        func padded(_ version: [Int]) -> [Int] { version + Array(repeating: 0, count: max(0, 3 - version.count)) }
        let versioned = names.compactMap { name -> (version: [Int], name: String)? in
            guard name.hasPrefix("Package@swift-"), name.hasSuffix(".swift") else { return nil }
            let marker = name.dropFirst("Package@swift-".count).dropLast(".swift".count).split(separator: ".", omittingEmptySubsequences: false)
            let version = marker.compactMap { Int($0) }
            return version.isEmpty || version.count != marker.count || version.count > 3 ? nil : (version, name)
        }
        for exact in [current, Array(current.prefix(2)), Array(current.prefix(1))] {
            if let match = versioned.first(where: { $0.version == exact }) { return match.name }
        }
        guard
            let newest = versioned.filter({ !current.lexicographicallyPrecedes(padded($0.version)) })
                .max(by: { padded($0.version).lexicographicallyPrecedes(padded($1.version)) })
        else { return nil }
        guard let newestTools = toolsVersion(newest.name) else { return newest.name }
        guard let regularTools = toolsVersion("Package.swift") else { return newest.name }
        if padded(regularTools).lexicographicallyPrecedes(padded(newestTools)) { return newest.name }
        // A `Package.swift` for a newer toolchain than this one is not read: the versioned manifest is (swift-clocks
        // 1.1.1 keeps a tools-6.0 `Package@swift-6.0.swift` beside a tools-6.4 `Package.swift`).
        return padded(current).lexicographicallyPrecedes(padded(regularTools)) ? newest.name : nil
    }

    private func applyToPackageSwift(_ plan: Plan) throws -> [String] {
        let manifest = packageRoot + "/Package.swift"
        var done: [String] = []
        if plan.addPackage {
            do {
                switch runtime {
                case .repository(let source): try swiftPackage(["add-dependency", source.url, "--exact", source.version])
                case .folder(let path): try swiftPackage(["add-dependency", relativePath(from: packageRoot, to: path), "--type", "path"])
                }
            } catch {
                // SwiftPM's editor needs `dependencies: [...]` written in `Package(...)`; a variable is extended here.
                guard let text = try? String(contentsOfFile: manifest, encoding: .utf8),
                    let edited = ManifestTargetEditor.addingPackageDependency(dependencyExpression, in: text)
                else { throw error }
                try AtomicFile.write(Data(edited.utf8), to: manifest)
            }
            done.append("added the package dependency \(dependencyExpression)")
        }
        let packageName = runtimeIdentity
        for (target, product) in plan.products {
            // instswift's editor first (it edits every declaration of the target and never a reference to it, see
            // ManifestTargetEditor); SwiftPM's for the manifests it cannot read, such as a target named by a variable.
            if let text = try? String(contentsOfFile: manifest, encoding: .utf8),
                let edited = ManifestTargetEditor.addingProduct(product, package: packageName, toTarget: target, in: text)
            {
                try AtomicFile.write(Data(edited.utf8), to: manifest)
            } else {
                try swiftPackage(["add-target-dependency", product, target, "--package", packageName])
            }
            done.append("added \(product) to target \(target)")
        }
        return done
    }

    /// The runtime's own dependencies (swift-otel -> async-http-client -> swift-nio-extras -> ...) may include the very
    /// package being pinned: swift-algorithms, swift-collections, swift-nio. SwiftPM accepts such a package cycle only
    /// from tools version 6.0, so then the manifest's tools version is raised to 6.0 with the Swift 5 language mode
    /// kept (the default mode would otherwise become Swift 6). Returns what it did, or nil when nothing was needed.
    func raiseToolsVersionIfCyclic(manifest: String) throws -> String? {
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        guard ManifestToolsVersion.major(of: text).map({ $0 < 6 }) ?? false else { return nil }
        // Loading the package graph (which resolves it) is what reports package cycles; `describe` does not.
        do {
            _ = try capture(["show-dependencies", "--format", "flatlist"])
            return nil
        } catch BuildError.commandFailed(let command, let output) {
            guard let cycle = output.firstMatch(of: /cyclic dependency between packages ([^\n]*?) requires tools-version 6\.0/) else {
                throw BuildError.commandFailed(command: command, output: output)
            }
            let raised = try ManifestToolsVersion.raisedTo6(text, manifestName: URL(fileURLWithPath: manifest).lastPathComponent)
            try AtomicFile.write(Data(raised.utf8), to: manifest)
            return "raised \(URL(fileURLWithPath: manifest).lastPathComponent) to swift-tools-version 6.0, keeping the Swift 5 language mode: "
                + "the runtime's dependencies lead back to this package (\(cycle.1)), a cycle SwiftPM accepts from tools 6.0 on"
        }
    }

    func describe() throws -> [String: Any] {
        try BuildTools.describe(packageRoot: packageRoot, environment: environment)
    }

    func swiftPackage(_ arguments: [String]) throws {
        _ = try capture(arguments)
    }

    func capture(_ arguments: [String], package: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Toolchain.locateSwiftc(environment: environment).replacingOccurrences(of: "/swiftc", with: "/swift"))
        process.arguments = package ? ["package", "--package-path", packageRoot] + arguments : arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw BuildError.commandFailed(command: "swift package \(arguments.joined(separator: " "))", output: text)
        }
        return text
    }

    func relativePath(from base: String, to target: String) -> String {
        let baseParts = URL(fileURLWithPath: base).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let targetParts = URL(fileURLWithPath: target).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < min(baseParts.count, targetParts.count), baseParts[common] == targetParts[common] { common += 1 }
        let up = Array(repeating: "..", count: baseParts.count - common)
        let parts = up + targetParts[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}

import Foundation
import InstSwiftC
import InstSwiftCore
import InstSwiftSwift

/// What `instswift doctor` checks: everything an instrumented build needs, each with the command that fixes it.
public enum Doctor {
    public struct Check: Sendable {
        public enum Status: String, Sendable { case ok, missing, note }
        public var status: Status
        /// What was checked, and what was found.
        public var subject: String
        /// The command or step that fixes it (for `missing`), or why it may not matter (for `note`).
        public var fix: String?
    }

    /// The checks, in order; `packageRoot` is the package to build (nil: only the tool's own checks).
    public static func checks(packageRoot: String?, environment: [String: String], version: String) -> [Check] {
        var checks: [Check] = []
        do {
            let swiftc = try Toolchain.locateSwiftc(environment: environment)
            checks.append(Check(status: .ok, subject: "Swift toolchain: \(swiftc)"))
        } catch {
            checks.append(
                Check(
                    status: .missing, subject: "Swift toolchain (swiftc on PATH)", fix: "install Swift 6.1 or later from swift.org and put its usr/bin on PATH")
            )
        }
        let builtin = RuleSources.locateBuiltinDirectory(environment: environment)
        if let builtin, FileManager.default.fileExists(atPath: builtin + "/bootstrap.yml") {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: builtin)) ?? []).filter { $0.hasSuffix(".yml") }.sorted()
                .map { builtin + "/" + $0 }
            do throws(Diagnostics) {
                let rules = try RuleLoading.load(files, validator: SwiftFrontend().codeValidator)
                checks.append(Check(status: .ok, subject: "built-in packs: \(files.count) in \(builtin) (\(rules.rules.count) rules)"))
            } catch {
                checks.append(Check(status: .missing, subject: "built-in packs in \(builtin) do not load:\n\(error.description)", fix: "reinstall instswift"))
            }
        } else {
            checks.append(
                Check(
                    status: .missing, subject: "built-in packs (\(builtin ?? "a Rules folder beside or above the instswift executable"))",
                    fix: "install with scripts/install.sh, or set INSTSWIFT_RULES_DIR to instswift's Rules folder"))
        }
        let runtime = RuleSources.locateRuntimePackage(environment: environment, builtinDirectory: builtin)
        let source =
            packageRoot.map { RuntimeSource.forPackage($0, version: version, environment: environment, runtimePackage: runtime) }
            ?? RuntimeSource.current(version: version, environment: environment, runtimePackage: runtime)
        if let runtime {
            checks.append(
                Check(
                    status: .ok,
                    subject: "runtime package: \(runtime)"
                        + (source.localRepository == nil ? "" : " (builds resolve \(source.url) \(version) from it)")))
        } else {
            checks.append(
                Check(
                    status: .missing, subject: "the runtime package (Runtime beside the Rules folder)",
                    fix: "install with scripts/install.sh, or set INSTSWIFT_RUNTIME_PATH to instswift's Runtime folder"))
        }
        if let error = LibClang.loadError {
            checks.append(Check(status: .note, subject: "libclang: \(error)", fix: "needed only by rules with 'language: c'"))
        } else {
            checks.append(Check(status: .ok, subject: "libclang (for rules with 'language: c')"))
        }
        if let packageRoot {
            checks.append(contentsOf: packageChecks(packageRoot, source: source, environment: environment))
        }
        return checks
    }

    /// Whether the package pins this instswift's runtime where every machine can resolve it (`instswift pin` does).
    static func packageChecks(_ packageRoot: String, source: RuntimeSource, environment: [String: String]) -> [Check] {
        guard let manifest = try? String(contentsOfFile: packageRoot + "/Package.swift", encoding: .utf8) else {
            return [Check(status: .missing, subject: "Package.swift in \(packageRoot)", fix: "run in a Swift package's folder, or pass --package-path")]
        }
        var checks: [Check] = []
        // `pin` names the runtime's repository, and stops when git cannot fetch this version of it from here: then the fix
        // starts with the install that carries it.
        let reachable = source.localRepository != nil || source.isReachable(environment: environment)
        let command = "instswift pin --package-path \(packageRoot)"
        let install = "install instswift with scripts/install.sh (\(source.url) \(source.version) cannot be fetched from here)"
        let pin = reachable ? command : "\(install), then run \(command)"
        switch ManifestRuntimeDependency.find(in: manifest, packageRoot: packageRoot)?.source {
        case nil:
            checks.append(Check(status: .missing, subject: "\(packageRoot)/Package.swift does not depend on the instswift runtime", fix: pin))
        case .url(let url, let exact) where exact == source.version:
            if reachable {
                checks.append(Check(status: .ok, subject: "\(packageRoot)/Package.swift pins the runtime \(url) \(source.version)"))
            } else {
                checks.append(
                    Check(
                        status: .missing, subject: "the pinned runtime \(url) \(source.version) cannot be fetched from here",
                        fix: "install instswift with scripts/install.sh (builds then resolve it from the installed copy)"))
            }
        case .url(let url, let exact):
            checks.append(
                Check(
                    status: .missing,
                    subject:
                        "\(packageRoot)/Package.swift pins the runtime \(url) \(exact.map { "at \($0)" } ?? "by a version range"), and this instswift is \(source.version)",
                    fix: pin))
        case .path(let path):
            checks.append(
                Check(
                    status: .note, subject: "\(packageRoot)/Package.swift pins the runtime folder \(path), which resolves only where that folder is",
                    fix: reachable
                        ? "\(command) pins the runtime's repository instead, which resolves on every machine"
                        : "\(install); then \(command) pins the runtime's repository instead, which resolves on every machine"))
        }
        if let dependency = ResolutionHint.otelDependency(in: manifest), ResolutionHint.asksForGRPC(dependency) {
            checks.append(
                Check(
                    status: .missing,
                    subject: "the package names swift-otel with its gRPC exporter, which SwiftPM cannot resolve beside the runtime (docs/adr/0008)",
                    fix: #"add traits: ["OTLPHTTP"] to its swift-otel dependency"#))
        }
        return checks
    }
}

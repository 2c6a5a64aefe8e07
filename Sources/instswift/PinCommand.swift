import ArgumentParser
import Foundation
import InstSwiftBuild
import InstSwiftCore

/// `instswift pin`: records the runtime dependency the rules need, idempotently.
struct PinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin",
        abstract: "Add the instswift runtime package and products to the targets the rules instrument (idempotent).",
        discussion: """
            The runtime is pinned as .package(url: RUNTIME-URL, exact: VERSION), VERSION being this instswift's: the \
            manifest resolves on every machine and in CI. An installed instswift resolves that URL from the copy it \
            carries; a plain 'swift build' fetches the published repository. A dependency an older instswift pinned \
            (another version, or a runtime folder) is moved to this one.
            """)

    @Option(name: .customLong("rules"), help: "A rules file (repeatable), as for 'instswift swift build'.")
    var ruleFiles: [String] = []

    @Option(help: "The package folder (default: the nearest one with a Package.swift).")
    var packagePath: String?

    @Option(
        help: ArgumentHelp(
            "The runtime repository to pin (default: $\(RuntimeSource.urlEnvironmentKey), else the one already pinned, else \(RuntimeSource.defaultURL)).",
            valueName: "url"))
    var runtimeURL: String?

    @Option(
        help: ArgumentHelp("Pin this runtime folder by path instead: resolves only where that folder exists (a checkout of instswift).", valueName: "folder"))
    var runtimePath: String?

    @Flag(help: "Only print what would be added.")
    var dryRun = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var arguments = ["build"]
        if let packagePath { arguments += ["--package-path", packagePath] }
        let session = try BuildSession(
            arguments: arguments + ruleFiles.flatMap { ["--rules", $0] }, environment: environment, version: InstSwiftVersion.current)
        let packageRoot = try session.locatePackageRoot()
        let sources = try RuleSources.ofBuild(packageRoot: packageRoot, environment: environment, commandLineFiles: ruleFiles)
        let located = RuleSources.locateRuntimePackage(environment: environment, builtinDirectory: sources.builtinDirectory)
        let current = FileManager.default.currentDirectoryPath
        var childEnvironment = environment
        let runtime: Pinning.RuntimeReference
        if let runtimePath {
            let folder = runtimePath.hasPrefix("/") ? runtimePath : current + "/" + runtimePath
            guard FileManager.default.fileExists(atPath: folder + "/Package.swift") else {
                throw ValidationError("--runtime-path \(runtimePath): no Package.swift there; name instswift's Runtime folder")
            }
            runtime = .folder(folder)
        } else {
            var environment = environment
            // An explicit URL wins; else the one already pinned (a team's mirror stays its mirror on upgrade).
            if let url = runtimeURL ?? environment[RuntimeSource.urlEnvironmentKey] ?? RuntimeSource.pinnedRepository(packageRoot)?.url {
                environment[RuntimeSource.urlEnvironmentKey] = url
            }
            let source = RuntimeSource.current(version: InstSwiftVersion.current, environment: environment, runtimePackage: located)
            guard dryRun || source.isReachable(environment: environment) else {
                throw BuildError.runtimeUnavailable(
                    """
                    the runtime \(source.url) has no version \(source.version) that git can fetch from here, so a manifest \
                    pinned to it would not resolve. Install instswift with scripts/install.sh (the install carries this \
                    version's runtime and builds resolve from it), or pass --runtime-url with a repository that has tag \
                    \(source.version) (scripts/runtime-repository.sh makes one), or --runtime-path with instswift's Runtime \
                    folder (not portable: resolves only where that folder is).
                    """)
            }
            childEnvironment = source.resolvingLocally(environment)
            runtime = .repository(source)
        }
        // The rules `.instswift.yml` implies (GenAI prices at the entry point) count too: they may need the runtime.
        let generated = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-pin-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: generated) }
        let ruleFiles = try sources.files(packageRoot: packageRoot, generatedDirectory: generated)
        let pinning = Pinning(packageRoot: packageRoot, ruleFiles: ruleFiles, runtime: runtime, environment: childEnvironment)
        let plan = try pinning.plan()
        if dryRun {
            if plan.addPackage { print("would add the package dependency \(pinning.dependencyExpression)") }
            for retarget in plan.retargets { print("would move the runtime dependency \(retarget.before) to \(retarget.after) (in \(retarget.manifest))") }
            for (target, product) in plan.products { print("would add \(product) to target \(target)") }
            if plan.isEmpty { print("nothing to add; every target the rules instrument already links the runtime") }
            return
        }
        let done = try pinning.apply(plan)
        for line in done { print("instswift pin: \(line)") }
        if done.isEmpty { print("instswift pin: nothing to do; every target the rules instrument already links the runtime") }
    }
}

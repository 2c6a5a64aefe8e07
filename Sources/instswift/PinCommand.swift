import ArgumentParser
import Foundation
import InstSwiftBuild

/// `instswift pin`: records the runtime dependency the rules need, idempotently.
struct PinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin",
        abstract: "Add the instswift runtime package and products to the targets the rules instrument (idempotent).")

    @Option(name: .customLong("rules"), help: "A rules file (repeatable), as for 'instswift swift build'.")
    var ruleFiles: [String] = []

    @Option(help: "The package folder (default: the nearest one with a Package.swift).")
    var packagePath: String?

    @Flag(help: "Only print what would be added.")
    var dryRun = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var arguments = ["build"]
        if let packagePath { arguments += ["--package-path", packagePath] }
        let session = try BuildSession(arguments: arguments + ruleFiles.flatMap { ["--rules", $0] }, environment: environment, version: InstSwiftVersion.current)
        let packageRoot = try session.locatePackageRoot()
        let sources = RuleSources(
            builtinDirectory: RuleSources.locateBuiltinDirectory(environment: environment),
            projectConfiguration: try ProjectConfiguration.load(packageRoot: packageRoot),
            environmentFiles: (environment["INSTSWIFT_RULES"] ?? "").split(separator: ":").map(String.init),
            commandLineFiles: ruleFiles.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
        )
        guard let runtime = RuleSources.locateRuntimePackage(environment: environment, builtinDirectory: sources.builtinDirectory) else {
            throw ValidationError("the instswift runtime package was not found; set INSTSWIFT_RUNTIME_PATH to instswift's Runtime folder")
        }
        let pinning = Pinning(packageRoot: packageRoot, ruleFiles: try sources.files(packageRoot: packageRoot), runtimePackagePath: runtime, environment: environment)
        let plan = try pinning.plan()
        if dryRun {
            if plan.addPackage { print("would add the package \(runtime)") }
            for (target, product) in plan.products { print("would add \(product) to target \(target)") }
            if plan.isEmpty { print("nothing to add; every target the rules instrument already links the runtime") }
            return
        }
        let done = try pinning.apply(plan)
        for line in done { print("instswift pin: \(line)") }
        if done.isEmpty { print("instswift pin: nothing to do; every target the rules instrument already links the runtime") }
    }
}

import ArgumentParser
import Foundation
import InstSwiftBuild

/// `instswift doctor`: what an instrumented build needs, and what is missing, each with its fix.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check what an instrumented build needs (toolchain, packs, runtime, libclang, the package's pin); exit 1 if something is missing.")

    @Option(help: "The package to check (default: the nearest one with a Package.swift, if any).")
    var packagePath: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let current = FileManager.default.currentDirectoryPath
        let packageRoot = packagePath.map { $0.hasPrefix("/") ? $0 : current + "/" + $0 } ?? BuildSession.nearestPackageRoot(from: current)
        let checks = Doctor.checks(packageRoot: packageRoot, environment: environment, version: InstSwiftVersion.current)
        for check in checks {
            print("\(check.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(check.subject)")
            if let fix = check.fix { print("        \(check.status == .missing ? "fix: " : "")\(fix)") }
        }
        print("instswift \(InstSwiftVersion.current)")
        if checks.contains(where: { $0.status == .missing }) { throw ExitCode(1) }
    }
}

import Foundation
import InstSwiftTestSupport
@testable import InstSwiftBuild
import Testing

/// `instswift doctor`'s checks: each missing piece is reported with its fix.
@Suite struct DoctorTests {
    /// A source whose local repository stands in for a reachable published one.
    let source = RuntimeSource(url: RuntimeSource.defaultURL, version: "0.1.0", localRepository: "/instswift/Runtime")

    let scratch = TemporaryFolder("instswift-doctor")

    func package(_ manifest: String) throws -> String {
        let root = try scratch.subfolder().path
        try manifest.write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        return root
    }

    @Test func aPackageWithoutTheRuntimeIsToldToPin() throws {
        let root = try package("// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: \"app\")\n")
        let checks = Doctor.packageChecks(root, source: source, environment: [:])
        #expect(checks.count == 1 && checks[0].status == .missing)
        #expect(checks[0].fix == "instswift pin --package-path \(root)")
    }

    /// Where git cannot fetch the runtime's repository (instswift run from a checkout, not installed), `pin` would stop:
    /// the fix starts with the install.
    @Test func withoutAReachableRuntimeTheFixStartsWithTheInstall() throws {
        let unreachable = RuntimeSource(url: "file:///nonexistent/instswift-runtime", version: "0.1.0", localRepository: nil)
        let bare = try package("// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: \"app\")\n")
        let missing = try #require(Doctor.packageChecks(bare, source: unreachable, environment: [:]).first)
        #expect(
            missing.fix
                == "install instswift with scripts/install.sh (file:///nonexistent/instswift-runtime 0.1.0 cannot be fetched from here), then run instswift pin --package-path \(bare)"
        )
        let pinnedFolder = try package(
            """
            // swift-tools-version:6.1
            import PackageDescription
            let package = Package(name: "app", dependencies: [.package(name: "Runtime", path: "Runtime")],
                targets: [.executableTarget(name: "App", dependencies: [.product(name: "InstSwiftRuntime", package: "instswift-runtime")])])
            """)
        try FileManager.default.createDirectory(atPath: pinnedFolder + "/Runtime", withIntermediateDirectories: true)
        try "let package = Package(name: \"instswift-runtime\")".write(toFile: pinnedFolder + "/Runtime/Package.swift", atomically: true, encoding: .utf8)
        let note = try #require(Doctor.packageChecks(pinnedFolder, source: unreachable, environment: [:]).first)
        #expect(note.status == .note && note.fix?.hasPrefix("install instswift with scripts/install.sh") == true, "\(note)")
    }

    @Test func aPinnedPackageWithSwiftOTelDefaultTraitsIsToldTheTraitFix() throws {
        let root = try package(
            """
            // swift-tools-version:6.1
            import PackageDescription
            let package = Package(name: "app", dependencies: [
                .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0"),
            ], targets: [.executableTarget(name: "App", dependencies: [.product(name: "InstSwiftRuntime", package: "instswift-runtime")])])
            """)
        let checks = Doctor.packageChecks(root, source: source, environment: [:])
        #expect(checks.map(\.status) == [.missing, .missing])
        #expect(checks[0].subject.contains("does not depend on the instswift runtime"))
        #expect(checks[1].fix?.contains(#"traits: ["OTLPHTTP"]"#) == true)
    }

    @Test func aPinIsCheckedForItsVersionAndPortability() throws {
        func check(_ dependency: String) throws -> Doctor.Check {
            let root = try package(
                """
                // swift-tools-version:6.1
                import PackageDescription
                let package = Package(name: "app", dependencies: [\(dependency)],
                    targets: [.executableTarget(name: "App", dependencies: [.product(name: "InstSwiftRuntime", package: "instswift-runtime")])])
                """)
            try FileManager.default.createDirectory(atPath: root + "/Runtime", withIntermediateDirectories: true)
            try "let package = Package(name: \"instswift-runtime\")".write(toFile: root + "/Runtime/Package.swift", atomically: true, encoding: .utf8)
            return try #require(Doctor.packageChecks(root, source: source, environment: [:]).first)
        }
        let current = try check(#".package(url: "https://github.com/instswift/instswift-runtime", exact: "0.1.0")"#)
        #expect(current.status == .ok && current.subject.contains("pins the runtime https://github.com/instswift/instswift-runtime 0.1.0"), "\(current)")
        let older = try check(#".package(url: "https://github.com/instswift/instswift-runtime.git", exact: "0.0.9")"#)
        #expect(
            older.status == .missing && older.subject.contains("at 0.0.9, and this instswift is 0.1.0") && older.fix?.hasPrefix("instswift pin") == true,
            "\(older)")
        let folder = try check(#".package(name: "Runtime", path: "Runtime")"#)
        #expect(folder.status == .note && folder.subject.contains("pins the runtime folder Runtime"), "\(folder)")
    }

    @Test func missingPacksAndRuntimeNameWhereToPointInstSwift() {
        let checks = Doctor.checks(
            packageRoot: nil,
            environment: [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
                "INSTSWIFT_RULES_DIR": "/nonexistent/Rules",
            ], version: "0.1.0")
        let missing = checks.filter { $0.status == .missing }
        #expect(missing.contains { $0.subject.contains("/nonexistent/Rules") && $0.fix?.contains("INSTSWIFT_RULES_DIR") == true })
        #expect(missing.contains { $0.subject.contains("the runtime package") && $0.fix?.contains("INSTSWIFT_RUNTIME_PATH") == true })
        #expect(checks.first?.status == .ok, "the toolchain is on PATH here")
    }
}

import Foundation
@testable import InstSwiftBuild
import Testing

/// `instswift doctor`'s checks: each missing piece is reported with its fix.
@Suite struct DoctorTests {
    func package(_ manifest: String) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-doctor-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try manifest.write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        return root
    }

    @Test func aPackageWithoutTheRuntimeIsToldToPin() throws {
        let root = try package("// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: \"app\")\n")
        let checks = Doctor.packageChecks(root)
        #expect(checks.count == 1 && checks[0].status == .missing)
        #expect(checks[0].fix == "instswift pin --package-path \(root)")
    }

    @Test func aPinnedPackageWithSwiftOTelDefaultTraitsIsToldTheTraitFix() throws {
        let root = try package("""
            // swift-tools-version:6.1
            import PackageDescription
            let package = Package(name: "app", dependencies: [
                .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0"),
            ], targets: [.executableTarget(name: "App", dependencies: [.product(name: "InstSwiftRuntime", package: "Runtime")])])
            """)
        let checks = Doctor.packageChecks(root)
        #expect(checks.map(\.status) == [.ok, .missing])
        #expect(checks[1].fix?.contains(#"traits: ["OTLPHTTP"]"#) == true)
    }

    @Test func missingPacksAndRuntimeNameWhereToPointInstSwift() {
        let checks = Doctor.checks(packageRoot: nil, environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
                                                                   "INSTSWIFT_RULES_DIR": "/nonexistent/Rules"])
        let missing = checks.filter { $0.status == .missing }
        #expect(missing.contains { $0.subject.contains("/nonexistent/Rules") && $0.fix?.contains("INSTSWIFT_RULES_DIR") == true })
        #expect(missing.contains { $0.subject.contains("the runtime package") && $0.fix?.contains("INSTSWIFT_RUNTIME_PATH") == true })
        #expect(checks.first?.status == .ok, "the toolchain is on PATH here")
    }
}

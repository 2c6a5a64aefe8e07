import Foundation
import InstSwiftTestSupport
@testable import InstSwiftBuild
import Testing

/// The hint for apps whose swift-otel dependency asks for the gRPC exporter (docs/adr/0008).
@Suite struct ResolutionHintTests {
    func manifest(_ dependency: String) -> String {
        """
        // swift-tools-version:6.1
        import PackageDescription
        let package = Package(
            name: "app",
            dependencies: [
                .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
                \(dependency),
            ],
            targets: [.executableTarget(name: "App", dependencies: [.product(name: "OTel", package: "swift-otel")])]
        )
        """
    }

    @Test func defaultTraitsAndGRPCAskForTheGRPCExporter() throws {
        for dependency in [
            #".package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0")"#,
            #".package(url: "https://github.com/swift-otel/swift-otel.git", from: "1.6.0", traits: [.defaults])"#,
            #".package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP", "OTLPGRPC"])"#,
        ] {
            let found = try #require(ResolutionHint.otelDependency(in: manifest(dependency)))
            #expect(found == dependency)
            #expect(ResolutionHint.asksForGRPC(found), "\(dependency)")
        }
    }

    @Test func httpOnlyOrNoSwiftOTelNeedsNoHint() throws {
        let http = #".package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"])"#
        #expect(!ResolutionHint.asksForGRPC(try #require(ResolutionHint.otelDependency(in: manifest(http)))))
        #expect(ResolutionHint.otelDependency(in: manifest(#".package(url: "https://github.com/apple/swift-log", from: "1.0.0")"#)) == nil)
    }

    let scratch = TemporaryFolder("instswift-hint")

    @Test func theHintNamesTheFixOnlyForAFailedResolution() throws {
        let root = scratch.path
        try FileManager.default.createDirectory(atPath: root + "/.build", withIntermediateDirectories: true)
        try manifest(#".package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0")"#)
            .write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        let hint = try #require(ResolutionHint.afterFailure(packageRoot: root, scratchPath: root + "/.build", version: "0.1.0"))
        #expect(hint.contains(#"traits: ["OTLPHTTP"]"#) && hint.contains("default traits"))
        // A graph that resolved with the gRPC packages failed for another reason.
        try #"{"object": {"dependencies": [{"packageRef": {"identity": "grpc-swift-2"}}]}}"#
            .write(toFile: root + "/.build/workspace-state.json", atomically: true, encoding: .utf8)
        #expect(ResolutionHint.afterFailure(packageRoot: root, scratchPath: root + "/.build", version: "0.1.0") == nil)
    }

    @Test func aBuildReachedCompilationWhenAShimWroteAReportSinceItStarted() throws {
        let reports = scratch.path + "/reports"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        try "{}".write(toFile: reports + "/Earlier.json", atomically: true, encoding: .utf8)
        let started = Date().addingTimeInterval(1)
        #expect(!BuildSession.modulesCompiled(since: started, reports: reports))
        #expect(!BuildSession.modulesCompiled(since: started, reports: scratch.path + "/missing"))
        try FileManager.default.setAttributes([.modificationDate: started.addingTimeInterval(1)], ofItemAtPath: reports + "/Earlier.json")
        #expect(BuildSession.modulesCompiled(since: started, reports: reports))
    }

    @Test func aPinOfAnotherRuntimeVersionIsToldToRepin() throws {
        let root = scratch.path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try manifest(#".package(url: "https://github.com/instswift/instswift-runtime", exact: "0.0.9")"#)
            .write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        let hint = try #require(ResolutionHint.afterFailure(packageRoot: root, scratchPath: root + "/.build", version: "0.1.0"))
        #expect(hint.contains("pins the instswift runtime 0.0.9, and this instswift is 0.1.0: run 'instswift pin'"), "\(hint)")
        #expect(ResolutionHint.afterFailure(packageRoot: root, scratchPath: root + "/.build", version: "0.0.9") == nil)
    }

    @Test func aPackageTheRuntimeDependsOnIsToldToInstrumentFromADependent() throws {
        let root = scratch.path + "/Swift-HTTP-Types"
        try FileManager.default.createDirectory(atPath: root + "/.build/checkouts/runtime-deps", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/.build/checkouts/swift-log", withIntermediateDirectories: true)
        try manifest(#".package(url: "https://github.com/apple/swift-log", from: "1.6.0")"#).write(
            toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        try #"let package = Package(name: "runtime", dependencies: [.package(name: "x", url: "https://github.com/apple/swift-http-types.git", from: "1.0.0")])"#
            .write(toFile: root + "/.build/checkouts/runtime-deps/Package.swift", atomically: true, encoding: .utf8)
        try #"let package = Package(name: "swift-log", dependencies: [.package(url: "https://github.com/apple/swift-http-types-extras", from: "1.0.0")])"#
            .write(toFile: root + "/.build/checkouts/swift-log/Package.swift", atomically: true, encoding: .utf8)
        try #"""
        {"object": {"dependencies": [
          {"packageRef": {"identity": "runtime", "kind": "remoteSourceControl"}, "subpath": "runtime-deps"},
          {"packageRef": {"identity": "swift-log", "kind": "remoteSourceControl"}, "subpath": "swift-log"},
          {"packageRef": {"identity": "gone", "kind": "fileSystem", "location": "/nonexistent"}}
        ]}}
        """#.write(toFile: root + "/.build/workspace-state.json", atomically: true, encoding: .utf8)
        let hint = try #require(ResolutionHint.afterFailure(packageRoot: root, scratchPath: root + "/.build", version: "0.1.0"))
        #expect(hint.contains("('runtime' depends on 'swift-http-types')"), "\(hint)")
        #expect(hint.contains("that is the cyclic dependency above") && hint.contains("package: name: swift-http-types"), "\(hint)")
        // A build that compiled modules did not stop at the cycle: a compile error gets no hint (swift-configuration).
        #expect(
            ResolutionHint.afterFailure(packageRoot: root, scratchPath: root + "/.build", version: "0.1.0", reachedCompilation: true) == nil)
        // A package no dependency names gets no such hint.
        #expect(ResolutionHint.dependents(of: "swift-otel", scratchPath: root + "/.build").isEmpty)
        #expect(ResolutionHint.namesPackage("vendor", in: #".package(name: "Runtime", path: "../vendor")"#))
        #expect(!ResolutionHint.namesPackage("runtime", in: #".package(name: "Runtime", path: "../vendor")"#))
    }
}

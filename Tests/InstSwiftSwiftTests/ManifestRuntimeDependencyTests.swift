import Foundation
import InstSwiftTestSupport
@testable import InstSwiftBuild
import Testing

/// How `pin` finds the runtime dependency a manifest already has and moves it to this instswift's.
@Suite struct ManifestRuntimeDependencyTests {
    let scratch = TemporaryFolder("instswift-manifest")
    var root: String { scratch.path }

    init() throws {
        try FileManager.default.createDirectory(atPath: scratch.path + "/vendor/Runtime", withIntermediateDirectories: true)
        try "let package = Package(\n    name: \"instswift-runtime\",\n)".write(
            toFile: scratch.path + "/vendor/Runtime/Package.swift", atomically: true, encoding: .utf8)
    }

    func manifest(_ dependency: String, product package: String) -> String {
        """
        // swift-tools-version:6.0
        import PackageDescription
        let package = Package(
            name: "app",
            dependencies: [
                .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
                \(dependency),
            ],
            targets: [
                .executableTarget(name: "App", dependencies: [
                    .product(name: "Logging", package: "swift-log"),
                    .product(name: "InstSwiftRuntime", package: "\(package)"),
                    .product(name: "InstSwiftOTel", package: "\(package)"),
                ]),
            ]
        )
        """
    }

    let pinned = #".package(url: "https://github.com/instswift/instswift-runtime", exact: "0.2.0")"#

    @Test func aFolderPinOfAnOlderInstSwiftMovesToTheRepository() throws {
        let old = manifest(#".package(name: "Runtime", path: "vendor/Runtime")"#, product: "Runtime")
        #expect(ManifestRuntimeDependency.find(in: old, packageRoot: root)?.source == .path("vendor/Runtime"))
        let moved = try #require(ManifestRuntimeDependency.retargeting(old, packageRoot: root, to: pinned, identity: "instswift-runtime"))
        #expect(moved == manifest(pinned, product: "instswift-runtime"))
        #expect(ManifestRuntimeDependency.retargeting(moved, packageRoot: root, to: pinned, identity: "instswift-runtime") == nil, "idempotent")
    }

    @Test func anOlderVersionMovesAndOtherPackagesStay() throws {
        let old = manifest(#".package(url: "https://github.com/instswift/instswift-runtime.git", exact: "0.1.0")"#, product: "instswift-runtime")
        #expect(
            ManifestRuntimeDependency.find(in: old, packageRoot: root)?.source
                == .url("https://github.com/instswift/instswift-runtime.git", exactVersion: "0.1.0"))
        let moved = try #require(ManifestRuntimeDependency.retargeting(old, packageRoot: root, to: pinned, identity: "instswift-runtime"))
        #expect(moved == manifest(pinned, product: "instswift-runtime"))
        #expect(moved.contains(#".package(url: "https://github.com/apple/swift-log", from: "1.6.0")"#))
    }

    @Test func aFolderThatIsNotTheRuntimeIsNotTheRuntime() {
        let other = manifest(#".package(path: "vendor")"#, product: "x")
        #expect(ManifestRuntimeDependency.find(in: other, packageRoot: root) == nil)
        #expect(ManifestRuntimeDependency.retargeting(other, packageRoot: root, to: pinned, identity: "instswift-runtime") == nil)
    }

    @Test func identityOfARepositoryURL() {
        #expect(RuntimeSource.identity(ofURL: "https://github.com/instswift/instswift-runtime.git") == "instswift-runtime")
        #expect(RuntimeSource.identity(ofURL: "git@example.com:team/InstSwift-Runtime") == "instswift-runtime")
    }

    @Test func localResolutionAddsToTheCallersGitConfiguration() {
        let source = RuntimeSource(url: RuntimeSource.defaultURL, version: "0.1.0", localRepository: "/opt/instswift/lib/instswift/Runtime")
        let environment = source.resolvingLocally(["GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "a.b", "GIT_CONFIG_VALUE_0": "c"])
        #expect(environment["GIT_CONFIG_COUNT"] == "2" && environment["GIT_CONFIG_KEY_0"] == "a.b")
        #expect(environment["GIT_CONFIG_KEY_1"] == "url./opt/instswift/lib/instswift/Runtime.insteadOf")
        #expect(environment["GIT_CONFIG_VALUE_1"] == RuntimeSource.defaultURL)
        #expect(RuntimeSource(url: RuntimeSource.defaultURL, version: "0.1.0", localRepository: nil).resolvingLocally(["A": "b"]) == ["A": "b"])
    }
}

/// An install made by another user (root into /usr/local) is a repository git refuses to read for this one.
@Suite struct RuntimeRepositoryOwnershipTests {
    @Test(.enabled(if: getuid() == 0, "needs root to hand the repository to another user"))
    func aRepositoryAnotherUserOwnsIsUsedThroughACopy() throws {
        let scratch = TemporaryFolder("instswift-owner")
        let root = scratch.path
        let repository = root + "/lib/instswift/Runtime"
        let make = Process()
        make.executableURL = repositoryRoot.appendingPathComponent("scripts/runtime-repository.sh")
        make.arguments = [repository, "9.9.9"]
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)
        let chown = Process()
        chown.executableURL = URL(fileURLWithPath: "/bin/chown")
        chown.arguments = ["-R", "65534:65534", repository]
        try chown.run()
        chown.waitUntilExit()
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "", "HOME": root + "/home"]
        #expect(!RuntimeSource.hasTag("9.9.9", in: repository, environment: environment), "git refuses the other user's repository")
        let source = RuntimeSource.current(version: "9.9.9", environment: environment, runtimePackage: repository)
        #expect(source.localRepository == root + "/home/.cache/instswift/runtime-9.9.9")
        #expect(source.isReachable(environment: environment))
        // Used again, the copy stays (same tag).
        #expect(RuntimeSource.current(version: "9.9.9", environment: environment, runtimePackage: repository).localRepository == source.localRepository)
    }
}

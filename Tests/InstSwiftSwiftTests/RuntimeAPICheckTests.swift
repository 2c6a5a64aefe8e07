import Foundation
import InstSwiftTestSupport
@testable import InstSwiftBuild
import InstSwiftCore
import Testing

/// The runtime API version: the runtime of this repository offers the one instswift renders for, and a runtime made for
/// another instswift stops its own compile with one located error that names the fix.
@Suite struct RuntimeAPICheckTests {
    static let runtimeFolder = repositoryRoot.appendingPathComponent("Runtime/Sources/InstSwiftRuntime")

    let scratch = TemporaryFolder("instswift-runtime-api")

    func runtimeSources(declaring declaration: String?) throws -> [String] {
        let folder = try scratch.subfolder().appendingPathComponent("InstSwiftRuntime ü")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let other = folder.appendingPathComponent("InstSwift.swift")
        try "public enum InstSwift {}\n".write(to: other, atomically: true, encoding: .utf8)
        guard let declaration else { return [other.path] }
        let file = folder.appendingPathComponent(RuntimeAPI.declarationFile)
        try declaration.write(to: file, atomically: true, encoding: .utf8)
        return [other.path, file.path]
    }

    @Test func thisRepositorysRuntimeOffersTheVersionInstSwiftRendersFor() throws {
        let sources = try FileManager.default.contentsOfDirectory(atPath: Self.runtimeFolder.path).map { Self.runtimeFolder.appendingPathComponent($0).path }
        #expect(RuntimeAPICheck.mismatch(sources: sources) == nil)
    }

    @Test func anotherVersionIsOneLocatedErrorNamingTheFix() throws {
        let sources = try runtimeSources(declaring: "extension InstSwift {\n    public static let apiVersion = \(RuntimeAPI.version + 1)\n}\n")
        let error = try #require(RuntimeAPICheck.mismatch(sources: sources))
        #expect(
            error.description.hasPrefix(
                "\(sources[1]):2:36: error: this instswift runtime offers API version \(RuntimeAPI.version + 1), made for a newer instswift"))
        #expect(error.description.contains("run 'instswift pin'"))
    }

    @Test func aRuntimeWithoutTheDeclarationIsOlder() throws {
        let error = try #require(RuntimeAPICheck.mismatch(sources: try runtimeSources(declaring: nil)))
        #expect(error.location == nil)
        #expect(error.description.contains("declares no API version"))
        #expect(error.description.contains("InstSwiftRuntime ü"))
        let unreadable = try #require(RuntimeAPICheck.mismatch(sources: try runtimeSources(declaring: "// apiVersion\n")))
        #expect(unreadable.location?.line == 1)
    }

    @Test func theDeclaredVersionIsReadWithItsPosition() {
        let declared = RuntimeAPI.declaredVersion(in: "// ü\n  public static let apiVersion = 12\n")
        #expect(declared?.version == 12 && declared?.line == 2 && declared?.column == 34)
        #expect(RuntimeAPI.declaredVersion(in: "public static let apiVersion = x") == nil)
    }
}

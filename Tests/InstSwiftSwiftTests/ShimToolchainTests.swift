import Foundation
@testable import InstSwiftBuild
import Testing

/// The toolchain folder SwiftPM is pointed at, and how the wrapper runs `swift`.
@Suite struct ShimToolchainTests {
    /// A fake real toolchain whose `swiftc` prints its arguments after "real:".
    func fakeToolchain() throws -> (realSwiftc: String, shimDirectory: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-shim-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/real/usr/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/real/usr/lib", withIntermediateDirectories: true)
        let swiftc = root + "/real/usr/bin/swiftc"
        try "#!/bin/sh\necho real: \"$@\"\n".write(toFile: swiftc, atomically: true, encoding: .utf8)
        chmod(swiftc, 0o755)
        return (swiftc, root + "/shim")
    }

    func output(of tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func probesGoStraightToTheRealCompiler() throws {
        let (realSwiftc, shimDirectory) = try fakeToolchain()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: shimDirectory).deletingLastPathComponent().path) }
        let shim = try Toolchain.prepareShim(realSwiftc: realSwiftc, in: shimDirectory)
        #expect(try output(of: shim, ["-print-target-info"]) == "real: -print-target-info\n")
        #expect(try output(of: shim, ["-h"]) == "real: -h\n")
        #expect(try output(of: shim, ["-emit-module", "a b.swift"]) == "real: -emit-module a b.swift\n")
        // The lib folder is the real one (SwiftPM derives it from SWIFT_EXEC).
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: shimDirectory + "/usr/lib") == URL(fileURLWithPath: realSwiftc).deletingLastPathComponent().deletingLastPathComponent().path + "/lib")
    }

    @Test func moduleCompilesAndResponseFilesGoToInstswift() throws {
        let (realSwiftc, shimDirectory) = try fakeToolchain()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: shimDirectory).deletingLastPathComponent().path) }
        let shim = try Toolchain.prepareShim(realSwiftc: realSwiftc, in: shimDirectory)
        let script = try String(contentsOfFile: shim, encoding: .utf8)
        #expect(script.contains("-module-name|@*) exec -a \"$0\" \(Toolchain.shellQuoted(CommandLine.executablePath))"))
        #expect(script.hasSuffix("exec \(Toolchain.shellQuoted(realSwiftc)) \"$@\"\n"))
    }

    @Test func runReportsExitStatusAndSignals() throws {
        let environment = ProcessInfo.processInfo.environment
        #expect(try Toolchain.run("/bin/sh", ["-c", "exit 3"], environment: environment) == 3)
        #expect(try Toolchain.run("/bin/sh", ["-c", "exit 0"], environment: environment) == 0)
        #expect(try Toolchain.run("/bin/sh", ["-c", "kill -TERM $$"], environment: environment) == 128 + SIGTERM)
        #expect(try Toolchain.run("/bin/sh", ["-c", "test \"$X\" = y"], environment: ["X": "y"]) == 0)
        #expect(throws: (any Error).self) { try Toolchain.run("/nonexistent/swift", [], environment: environment) }
    }
}

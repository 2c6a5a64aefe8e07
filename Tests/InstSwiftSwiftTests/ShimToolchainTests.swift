import Foundation
import InstSwiftTestSupport
@testable import InstSwiftBuild
import Testing

/// The toolchain folder SwiftPM is pointed at, and how the wrapper runs `swift`.
@Suite struct ShimToolchainTests {
    /// A fake real toolchain whose `swiftc` prints its arguments after "real:".
    let scratch = TemporaryFolder("instswift-shim")

    func fakeToolchain() throws -> (realSwiftc: String, shimDirectory: String) {
        let root = try scratch.subfolder().path
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
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: shimDirectory + "/usr/lib") == URL(fileURLWithPath: realSwiftc)
                .deletingLastPathComponent().deletingLastPathComponent().path + "/lib")
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

/// Two `instswift swift build` runs of one package: the second waits for the first before writing the files the
/// first one's compiler shims read.
@Suite struct BuildLockTests {
    @Test func aSecondRunWaitsForTheFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("instswift/lock").path
        var lock: BuildLock? = try BuildLock.acquire(path) { Issue.record("the first run must not wait") }
        // Another process (flock(1)) cannot take it while it is held, and can once it is released.
        #expect(run(["flock", "--nonblock", path, "true"]).status != 0)
        withExtendedLifetime(lock) {}
        lock = nil
        #expect(run(["flock", "--nonblock", path, "true"]).status == 0)
    }

    @Test func theWaitIsAnnounced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("instswift/lock").path
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("instswift"), withIntermediateDirectories: true)
        // flock(1) holds the lock for a moment; the acquire announces that it waits, then gets it.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["flock", path, "sleep", "1"]
        try holder.run()
        Thread.sleep(forTimeInterval: 0.3)
        var announced = false
        let started = Date()
        let lock = try BuildLock.acquire(path) { announced = true }
        withExtendedLifetime(lock) {}
        #expect(announced && Date().timeIntervalSince(started) > 0.4)
        holder.waitUntilExit()
    }
}

/// Response files as SwiftPM writes them and the Swift driver reads them (paths with spaces are single-quoted).
@Suite struct ResponseFileTests {
    @Test func singleQuotedPathsWithSpacesAreOneArgument() {
        let text = "-module-name\nLib\n'/work/My App/Sources/Lib/Core Types/X.swift'\n'/work/My App/Sources/Lib/Number Parsing.swift'\n"
        #expect(
            ResponseFile.parse(text) == [
                "-module-name", "Lib", "/work/My App/Sources/Lib/Core Types/X.swift", "/work/My App/Sources/Lib/Number Parsing.swift",
            ])
    }

    @Test func doubleQuotesEscapesAndNonASCII() {
        #expect(ResponseFile.parse(#""/a b/\"q\".swift" /plain/ü.swift a\ b"#) == [#"/a b/"q".swift"#, "/plain/ü.swift", "a b"])
        #expect(ResponseFile.parse("''\n\"\"\n") == ["", ""])
    }

    @Test func renderedArgumentsReadBack() {
        let arguments = ["/work/My App/Sources/A B.swift", "it's", #"back\slash"#, #"quo"te"#, "", "-DX=1", "/päth/ünïcode.swift"]
        #expect(ResponseFile.parse(ResponseFile.render(arguments)) == arguments)
    }
}

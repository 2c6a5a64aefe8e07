import Foundation
import InstSwiftCore
import InstSwiftSwift

/// The real toolchain, and the shim toolchain SwiftPM is pointed at.
enum Toolchain {
    static func locateSwiftc(environment: [String: String]) throws -> String {
        if let explicit = environment["INSTSWIFT_REAL_SWIFTC"] { return explicit }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/swiftc"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                // Keep the name `swiftc` (the driver's mode depends on it) but resolve the folder.
                let folder = URL(fileURLWithPath: String(directory)).resolvingSymlinksInPath().path
                if folder.contains("/instswift/toolchain/") { continue }
                return folder + "/swiftc"
            }
        }
        throw BuildError.missing("no swiftc on PATH; install the Swift toolchain (https://swift.org/install) or set INSTSWIFT_REAL_SWIFTC")
    }

    /// `<dir>/usr/bin/swiftc` -> instswift, every other tool and `usr/lib` -> the real toolchain's (SwiftPM derives the
    /// library folder from SWIFT_EXEC). `cTargetPatterns` gates the C compiles `instswift-cc` hands to instswift (see
    /// ``CCompileGate``).
    static func prepareShim(realSwiftc: String, in directory: String, cTargetPatterns: [String]? = nil) throws -> String {
        let manager = FileManager.default
        let realBin = URL(fileURLWithPath: realSwiftc).deletingLastPathComponent()
        let realUsr = realBin.deletingLastPathComponent()
        let bin = directory + "/usr/bin"
        try manager.createDirectory(atPath: bin, withIntermediateDirectories: true)
        func link(_ path: String, to destination: String) throws {
            if (try? manager.destinationOfSymbolicLink(atPath: path)) == destination { return }
            try? manager.removeItem(atPath: path)
            try manager.createSymbolicLink(atPath: path, withDestinationPath: destination)
        }
        for name in ["lib", "share", "include"] where manager.fileExists(atPath: realUsr.appendingPathComponent(name).path) {
            try link(directory + "/usr/" + name, to: realUsr.appendingPathComponent(name).path)
        }
        for tool in try manager.contentsOfDirectory(atPath: realBin.path) where tool != "swiftc" {
            try link(bin + "/" + tool, to: realBin.appendingPathComponent(tool).path)
        }
        // Scripts, not symlinks: SwiftPM resolves SWIFT_EXEC's symlinks to find the toolchain's lib folder.
        let instswift = shellQuoted(CommandLine.executablePath)
        // Only module compiles (`-module-name`, or a response file that may hold it) need instswift; SwiftPM's probes
        // (-print-target-info, -h, -version) and manifest compiles go straight to the real compiler: no instswift start-up
        // (~15 ms each) on every build, including no-op ones.
        let scripts = [
            "swiftc": """
            #!/bin/bash
            for argument in "$@"; do
                case "$argument" in -module-name|@*) exec -a "$0" \(instswift) "$@" ;; esac
            done
            exec \(shellQuoted(realSwiftc)) "$@"

            """,
            CCompilerShim.name: CCompileGate.script(instswift: instswift, targetPatterns: cTargetPatterns),
        ]
        for (name, script) in scripts {
            if (try? manager.destinationOfSymbolicLink(atPath: bin + "/" + name)) != nil { try manager.removeItem(atPath: bin + "/" + name) }
            try AtomicFile.writeIfChanged(script, to: bin + "/" + name)
            chmod(bin + "/" + name, 0o755)
        }
        return bin + "/swiftc"
    }

    static func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs `tool` and waits for it with `waitpid`. (Foundation's `Process.waitUntilExit` polls a run loop every 50 ms,
    /// which added that much to every no-op build.)
    static func run(_ tool: String, _ arguments: [String], environment: [String: String]) throws -> Int32 {
        let argv = ([tool] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The child starts with no signal blocked and default handlers, whatever this process (or thread) had.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tool, nil, &attributes, argv, envp)
        guard spawned == 0 else {
            throw BuildError.system("could not run \(tool): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw BuildError.system("waiting for \(tool): \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}

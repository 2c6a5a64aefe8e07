import Foundation
import InstSwiftC
import InstSwiftSwift

/// Links of programs that hold instrumented dependency modules. Those modules call the runtime through link-time
/// symbols (``LinkTimeContract``); the app links `InstSwiftRuntime`, which defines them, but other programs of the
/// graph may link the same modules without it (a plugin's tool, another executable, a test runner): for those,
/// instswift adds an object of stubs that run every body untraced, so they still link and behave as before.
enum LinkStep {
    /// A link SwiftPM asks for: an executable or a shared library, with no Swift sources.
    static func isLink(_ invocation: CompilerInvocation) -> Bool {
        invocation.arguments.contains { $0 == "-emit-executable" || $0 == "-emit-library" } && invocation.sources.isEmpty
    }

    /// Records that `module` reaches the runtime at link time (read by the links that follow): a Swift module of a
    /// dependency, or any instrumented C module (its C span API is defined by the runtime).
    static func recordLinkTimeModule(_ module: String, in workDirectory: String) throws {
        try AtomicFile.writeIfChanged(module + "\n", to: "\(workDirectory)/link-time/\(module)")
    }

    /// The link's arguments, with the stub object added when instrumented dependency modules exist and the link does
    /// not include the runtime's objects.
    static func arguments(for invocation: CompilerInvocation, configuration: BuildConfiguration) throws -> [String] {
        let markers = (try? FileManager.default.contentsOfDirectory(atPath: configuration.workDirectory + "/link-time")) ?? []
        guard !markers.isEmpty else { return invocation.arguments }
        guard !invocation.expanded.contains(where: linksRuntime) else { return invocation.arguments }
        return invocation.arguments + [try stubObject(configuration: configuration, target: invocation.value(after: "-target"))]
    }

    /// Whether a link input is one of the runtime's object files or libraries — also as compiled for the build's tools
    /// (`InstSwiftRuntime-tool.build`: a test target of macros is built for the host; pointfreeco/swift-dependencies).
    static func linksRuntime(_ argument: String) -> Bool {
        argument.contains("/InstSwiftRuntime.build/") || argument.contains("/InstSwiftRuntime-tool.build/")
            || argument.hasSuffix("libInstSwiftRuntime.a")
            || argument.hasSuffix("libInstSwiftRuntime.so")
    }

    /// The stubs of the Swift link-time contract and of the C span API, in one Swift file.
    static var stubSource: String { LinkTimeContract.stubSource + CRuntimeStubs.swiftSource }

    /// The stubs, compiled once per work directory, target and contract.
    static func stubObject(configuration: BuildConfiguration, target: String?) throws -> String {
        let source = stubSource
        let key = WorkDirectory.fnv1a(source + (target ?? "") + configuration.realSwiftc)
        let directory = configuration.workDirectory + "/link-time-stubs"
        let object = "\(directory)/stubs-\(key).o"
        if FileManager.default.fileExists(atPath: object) { return object }
        let swiftFile = "\(directory)/stubs-\(key).swift"
        try AtomicFile.writeIfChanged(source, to: swiftFile)
        let temporary = "\(object).\(getpid()).tmp.o"
        var arguments = ["-parse-as-library", "-module-name", "InstSwiftLinkTimeStubs", "-c", swiftFile, "-o", temporary]
        if let target { arguments += ["-target", target] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: configuration.realSwiftc)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        guard process.terminationStatus == 0, publish(temporary, at: object) else {
            throw LinkStepError(message: "compiling the link-time stubs (\(swiftFile)) failed")
        }
        return object
    }

    /// Puts `temporary` at `path` unless a file is already there, and says whether one is there now. Links run in
    /// parallel (a plugin's tools, several executables) and may each compile the stubs; replacing an object another link
    /// has begun to read fails that link ("input file ... was modified during the build"), so the object is published
    /// with `link`, which never replaces, and a link that loses the race uses the winner's, made from the same source.
    static func publish(_ temporary: String, at path: String) -> Bool {
        if link(temporary, path) == 0 || errno == EEXIST { return true }
        // A file system without hard links: renamed, unless an object appeared meanwhile (the race's window narrows).
        return FileManager.default.fileExists(atPath: path) || rename(temporary, path) == 0
    }
}

struct LinkStepError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

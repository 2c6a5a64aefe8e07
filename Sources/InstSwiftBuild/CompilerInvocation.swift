import Foundation

/// A `swiftc` command line as SwiftPM writes it, with the parts instswift rewrites: the module, the Swift sources
/// (inline or in `@response` files) and the output file map.
struct CompilerInvocation {
    var arguments: [String]

    /// Invocations that only ask the compiler something, or do not compile sources: passed through untouched.
    var isPassThrough: Bool {
        let markers: Set<String> = [
            "-package-description-version", "-print-target-info", "-modulewrap", "-version", "--version", "-frontend", "-emit-supported-features",
            "-print-supported-features",
        ]
        if arguments.contains(where: markers.contains) { return true }
        return moduleName == nil || sources.isEmpty
    }

    var moduleName: String? { value(after: "-module-name") }
    /// The language features the module enables (`-enable-upcoming-feature NAME`, `-enable-experimental-feature NAME`);
    /// `NAME:migrate` only warns about the change, so it is not among them.
    var enabledFeatures: [String] {
        zip(expanded, expanded.dropFirst()).compactMap { flag, feature in
            ["-enable-upcoming-feature", "-enable-experimental-feature"].contains(flag) ? feature : nil
        }
    }
    var outputFileMap: String? { value(after: "-output-file-map") }

    /// The folder for this compile's rewritten response files and output file map: one per module build folder, as
    /// SwiftPM compiles a module twice under one name when build tools use it too (`Foo.build` and `Foo-tool.build`,
    /// maybe at once), and the two must not read each other's output file map.
    func argumentsDirectory(module: String, workDirectory: String) -> String {
        let buildFolder = outputFileMap.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? ""
        return "\(workDirectory)/args/\(module)/\(WorkDirectory.fnv1a(buildFolder))"
    }

    /// Search paths for modules (`-I`).
    var importPaths: [String] {
        var paths: [String] = []
        for (index, argument) in expanded.enumerated() {
            if argument == "-I", index + 1 < expanded.count {
                paths.append(expanded[index + 1])
            } else if argument.hasPrefix("-I"), argument.count > 2 {
                paths.append(String(argument.dropFirst(2)))
            }
        }
        return paths
    }

    func value(after flag: String) -> String? {
        guard let index = expanded.firstIndex(of: flag), index + 1 < expanded.count else { return nil }
        return expanded[index + 1]
    }

    /// Arguments with response files read in.
    var expanded: [String] {
        arguments.flatMap { argument -> [String] in
            guard argument.hasPrefix("@"), let text = try? String(contentsOfFile: String(argument.dropFirst()), encoding: .utf8) else {
                return [argument]
            }
            return ResponseFile.parse(text)
        }
    }

    /// Swift source files compiled (inputs, not flag values).
    var sources: [String] {
        expanded.enumerated().compactMap { index, argument in
            guard argument.hasSuffix(".swift"), !argument.hasPrefix("-") else { return nil }
            if index > 0, Self.flagsTakingPath.contains(expanded[index - 1]) { return nil }
            return argument
        }
    }

    /// The define `instswift swift` adds so that changed rules rerun the compiles (see ``forRealCompiler(_:overlays:directory:)``).
    static let fingerprintDefinePrefix = "-DINSTSWIFT_RULES_"

    static func isFingerprint(_ argument: String) -> Bool { argument.hasPrefix(fingerprintDefinePrefix) }

    /// `arguments` without the fingerprint define, alone or after `-Xcc`.
    static func droppingFingerprints(_ arguments: [String]) -> [String] {
        var result: [String] = []
        for argument in arguments {
            if isFingerprint(argument) {
                if result.last == "-Xcc" { result.removeLast() }
                continue
            }
            result.append(argument)
        }
        return result
    }

    static let flagsTakingPath: Set<String> = [
        "-o", "-emit-module-path", "-emit-objc-header-path", "-output-file-map", "-module-cache-path", "-emit-dependencies-path",
    ]

    /// The command line for the real compiler: sources replaced by their rewritten copies (response files holding
    /// replaced sources are rewritten into `directory`; the output file map's keys follow), and the rules-fingerprint
    /// define dropped. That define only makes SwiftPM rerun every compile when rules change; without it the compiler
    /// sees the same command line as before, so its incremental build recompiles just the copies that changed.
    /// `overlays` stay on the command line and are read from their copies through a `-vfsoverlay` file named after
    /// `overlaysContent` (the copies' text): a change to them changes the command line, which makes the driver rebuild
    /// the module (it only sees the unchanged original's timestamp).
    func forRealCompiler(_ replacements: [String: String], overlays: [String: String] = [:], overlaysContent: String = "", directory: String) throws -> [String]
    {
        var result: [String] = []
        if !overlays.isEmpty { result += ["-vfsoverlay", try VFSOverlay.write(overlays, content: overlaysContent, directory: directory)] }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("@"), let text = try? String(contentsOfFile: String(argument.dropFirst()), encoding: .utf8) {
                let inner = ResponseFile.parse(text)
                let replaced = Self.droppingFingerprints(inner).map { replacements[$0] ?? $0 }
                if replaced != inner {
                    let path = directory + "/" + URL(fileURLWithPath: String(argument.dropFirst())).lastPathComponent + ".instswift.resp"
                    try AtomicFile.writeIfChanged(ResponseFile.render(replaced), to: path)
                    result.append("@" + path)
                } else {
                    result.append(argument)
                }
            } else if argument == "-output-file-map", index + 1 < arguments.count {
                result += ["-output-file-map", try OutputFileMap.rewrite(arguments[index + 1], replacements: replacements, directory: directory)]
                index += 1
            } else if argument == "-Xcc", index + 1 < arguments.count, Self.isFingerprint(arguments[index + 1]) {
                index += 1
            } else if !Self.isFingerprint(argument) {
                result.append(replacements[argument] ?? argument)
            }
            index += 1
        }
        return result
    }
}

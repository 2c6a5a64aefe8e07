import Foundation

/// The code of the root package that runs in the build, never in the program being traced: the executables its build
/// plugins run and its macros (which the compiler loads; pointfreeco/swift-dependencies' `DependenciesMacrosPlugin`).
/// Their modules compile untouched — no bootstrap, no rules — and `pin` adds them no runtime. (Tools and macros from
/// dependency packages are a dependency's modules: the bootstrap never reaches them.)
enum BuildTools {
    /// Names of the macro targets of a `swift package describe --type json` description, and of the targets its
    /// plugins depend on.
    static func targetNames(in description: [String: Any]) -> Set<String> {
        let targets = description["targets"] as? [[String: Any]] ?? []
        let tools = targets.filter { $0["type"] as? String == "plugin" }.flatMap { $0["target_dependencies"] as? [String] ?? [] }
        let macros = targets.filter { $0["type"] as? String == "macro" }.compactMap { $0["name"] as? String }
        return Set(tools + macros)
    }

    /// The module names of the root package's plugin tools and macros. The manifest is described only when it declares a plugin,
    /// and once per manifest version: the answer is kept in `cacheFile`, keyed on each manifest's size and modification
    /// time (describing costs about a second, which a no-op build would otherwise pay every time).
    static func moduleNames(packageRoot: String, environment: [String: String], cacheFile: String? = nil) -> [String] {
        let manifests = ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot)) ?? [])
            .filter { $0 == "Package.swift" || ($0.hasPrefix("Package@swift-") && $0.hasSuffix(".swift")) }
            .sorted()
        let key = manifests.map { "\($0):" + FileStamp.of(packageRoot + "/" + $0) }.joined(separator: "|")
        if let cacheFile, let cached = try? JSONDecoder().decode(Cache.self, from: Data(contentsOf: URL(fileURLWithPath: cacheFile))),
            cached.key == key
        {
            return cached.modules
        }
        let modules = describeModuleNames(packageRoot: packageRoot, manifests: manifests, environment: environment)
        if let cacheFile, let modules, let data = try? JSONEncoder().encode(Cache(key: key, modules: modules)) {
            try? data.write(to: URL(fileURLWithPath: cacheFile), options: .atomic)
        }
        return modules ?? []
    }

    /// What `moduleNames` keeps between builds.
    private struct Cache: Codable {
        var key: String
        var modules: [String]
    }

    /// The plugin tools' module names from the manifests, or nil when SwiftPM cannot describe them (then the build
    /// fails with SwiftPM's own message, and nothing is cached).
    private static func describeModuleNames(packageRoot: String, manifests: [String], environment: [String: String]) -> [String]? {
        guard
            manifests.contains(where: {
                let text = (try? String(contentsOfFile: packageRoot + "/" + $0, encoding: .utf8)) ?? ""
                return text.contains(".plugin(") || text.contains(".macro(")
            })
        else { return [] }
        guard let description = try? describe(packageRoot: packageRoot, environment: environment) else { return nil }
        return targetNames(in: description).map(moduleName).sorted()
    }

    /// `swift package describe --type json` of the package (its manifest only: nothing is resolved).
    static func describe(packageRoot: String, environment: [String: String]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: try Toolchain.locateSwiftc(environment: environment)
                .replacingOccurrences(of: "/swiftc", with: "/swift"))
        process.arguments = ["package", "--package-path", packageRoot, "describe", "--type", "json"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BuildError.commandFailed(command: "swift package describe --type json", output: messages)
        }
        guard let start = data.firstIndex(of: UInt8(ascii: "{")),
            let description = try? JSONSerialization.jsonObject(with: data[start...]) as? [String: Any]
        else {
            throw BuildError.system("could not read 'swift package describe' output")
        }
        return description
    }

    /// SwiftPM's module name for a target: its name with every character that cannot be in an identifier as `_`.
    static func moduleName(_ target: String) -> String {
        var name = String(target.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        if name.first?.isNumber == true { name = "_" + name }
        return name
    }
}

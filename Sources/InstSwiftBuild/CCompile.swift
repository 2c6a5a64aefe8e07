import Foundation
import InstSwiftC
import InstSwiftCore
import InstSwiftSwift

/// A C compile command line: the one `.c` source it compiles, its module and dependency file.
struct CCompile {
    var arguments: [String]
    var source: String

    /// Nil for invocations that do not compile exactly one `.c` file (links, preprocessing, queries).
    init?(arguments: [String]) {
        guard arguments.contains("-c") else { return nil }
        let sources = arguments.enumerated().filter { index, argument in
            argument.hasSuffix(".c") && !argument.hasPrefix("-") && (index == 0 || !["-o", "-MF", "-MT", "-MQ", "-include"].contains(arguments[index - 1]))
        }
        guard sources.count == 1 else { return nil }
        self.arguments = arguments
        self.source = sources[0].element
    }

    /// The target: `-fmodule-name=`, else the `<Target>.build` folder SwiftPM puts the object in, else the folder under
    /// `Sources/`.
    var moduleName: String? {
        if let flag = arguments.first(where: { $0.hasPrefix("-fmodule-name=") }) { return String(flag.dropFirst("-fmodule-name=".count)) }
        if let index = arguments.firstIndex(of: "-o"), index + 1 < arguments.count,
            let folder = arguments[index + 1].split(separator: "/").last(where: { $0.hasSuffix(".build") && $0.count > 6 })
        {
            return String(folder.dropLast(".build".count))
        }
        let parts = source.split(separator: "/")
        if let sources = parts.lastIndex(of: "Sources"), sources + 1 < parts.count - 1 { return String(parts[sources + 1]) }
        return nil
    }

    /// Whether the target depends on InstSwiftRuntime: SwiftPM then hands the compile its C part's module map or
    /// include folder (`CInstSwiftRuntime`), and links the runtime into every product that links the target.
    var seesRuntime: Bool {
        arguments.contains { $0.contains("CInstSwiftRuntime") }
    }

    var dependencyFile: String? {
        if let index = arguments.firstIndex(of: "-MF"), index + 1 < arguments.count { return arguments[index + 1] }
        return nil
    }

    /// The command line compiling `copy` instead, with the original's folder searched for `#include "..."` as the
    /// original would be.
    func replacingSource(with copy: String) -> [String] {
        ["-iquote", URL(fileURLWithPath: source).deletingLastPathComponent().path] + arguments.map { $0 == source ? copy : $0 }
    }

    /// Names the original file in the dependency file where the compiler named the copy, so incremental builds watch it.
    /// The file is in make syntax, where the compiler escapes spaces and `#` in paths.
    func fixDependencies(in depfile: String, copy: String) throws {
        let escaped = { (path: String) in path.replacingOccurrences(of: " ", with: "\\ ").replacingOccurrences(of: "#", with: "\\#") }
        guard let text = try? String(contentsOfFile: depfile, encoding: .utf8), text.contains(escaped(copy)) else { return }
        try AtomicFile.write(Data(text.replacingOccurrences(of: escaped(copy), with: escaped(source)).utf8), to: depfile)
    }
}

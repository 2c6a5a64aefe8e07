import Foundation

/// Turns a C compiler command line into what libclang's parser accepts: no input, output or dependency-file flags
/// (libclang would write depfiles), no flags Debian's libclang 14 rejects, and libclang's own resource directory.
public enum ClangArguments {
    /// Flags that take a value in the next argument and only matter to a build.
    static let buildOnlyWithValue: Set<String> = ["-o", "-MF", "-MT", "-MQ", "-index-store-path", "-serialize-diagnostics", "-dependency-file"]
    /// Flags without a value that only matter to a build.
    static let buildOnly: Set<String> = ["-c", "-MD", "-MMD", "-MP", "-M", "-MM", "-S", "-E", "-emit-llvm", "-fcolor-diagnostics", "-fno-color-diagnostics"]

    /// The parse flags for `source`, taken from a compile command line.
    public static func forParsing(_ arguments: [String], source: String) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            if buildOnlyWithValue.contains(argument) { index += 1; continue }
            if buildOnly.contains(argument) || argument == source { continue }
            if argument.hasPrefix("-MF") || argument.hasPrefix("-MT") || argument.hasPrefix("-MQ")
                || argument.hasPrefix("-o") && argument.count > 2 && !argument.hasPrefix("-objc")
            {
                continue
            }
            if argument.hasPrefix("-fdiagnostics-") || argument.hasPrefix("-fmessage-length") { continue }
            // libclang 14 knows C2x, not the C23 spelling newer drivers pass.
            if argument == "-std=c23" || argument == "-std=gnu23" { result.append(argument.replacingOccurrences(of: "23", with: "2x")); continue }
            result.append(argument)
        }
        if let resourceDirectory { result += ["-resource-dir", resourceDirectory] }
        return result
    }

    /// The builtin headers (`stddef.h`, ...) of the libclang we link, not those of the toolchain's newer clang.
    static let resourceDirectory: String? = {
        let base = "/usr/lib/llvm-14/lib/clang"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        return versions.sorted().last.map { base + "/" + $0 }
    }()
}

import Foundation

/// `cc` as SwiftPM calls it for C targets during `instswift swift ...`. The C rewriter (libclang) is not in yet, so
/// every C compile is handed to the real compiler untouched; this is where it will hook in.
public enum CCompilerShim {
    /// The name the shim toolchain gives instswift for C compiles.
    public static let name = "instswift-cc"
    /// The environment variable naming the real C compiler.
    public static let realCompilerKey = "INSTSWIFT_REAL_CC"

    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        guard let real = environment[realCompilerKey] else {
            CompilerShim.printError("error: instswift was called as a C compiler outside 'instswift swift ...' (\(realCompilerKey) is not set)")
            return 1
        }
        return CompilerShim.exec(real, arguments)
    }
}

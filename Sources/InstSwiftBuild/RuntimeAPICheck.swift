import Foundation
import InstSwiftCore

/// Checks, as the runtime module compiles, that it offers the API this instswift renders for (``RuntimeAPI``): a package
/// pinned to another instswift's runtime, or a path dependency on an old `Runtime` folder, stops at one error that says
/// so before any injected code calls it.
enum RuntimeAPICheck {
    /// The error for compiling the runtime module from `sources`, or nil when it offers ``RuntimeAPI/version``.
    static func mismatch(sources: [String]) -> Diagnostic? {
        let fix =
            "run 'instswift pin' to move the package to this instswift's runtime (and commit the manifest), "
            + "or build with the instswift that runtime was made for"
        guard let file = sources.first(where: { URL(fileURLWithPath: $0).lastPathComponent == RuntimeAPI.declarationFile }) else {
            let folder = sources.first.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? "?"
            return Diagnostic(
                .error,
                "the instswift runtime compiled from \(folder) declares no API version (no \(RuntimeAPI.declarationFile)): "
                    + "it was made for an older instswift (this one renders for API version \(RuntimeAPI.version)); " + fix, at: nil)
        }
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        guard let declared = RuntimeAPI.declaredVersion(in: text) else {
            return Diagnostic(
                .error, "the instswift runtime's \(RuntimeAPI.declarationFile) declares no 'static let apiVersion = N'; " + fix,
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard declared.version != RuntimeAPI.version else { return nil }
        let made = declared.version < RuntimeAPI.version ? "an older" : "a newer"
        return Diagnostic(
            .error,
            "this instswift runtime offers API version \(declared.version), made for \(made) instswift; this instswift "
                + "renders for API version \(RuntimeAPI.version); " + fix,
            at: SourceLocation(file: file, line: declared.line, column: declared.column))
    }
}

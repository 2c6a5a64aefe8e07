import Foundation

/// Edits the `// swift-tools-version:` line of a package manifest.
enum ManifestToolsVersion {
    struct EditError: Error, CustomStringConvertible {
        let description: String
    }

    /// The major tools version the manifest declares, if its first line says.
    static func major(of text: String) -> Int? {
        text.prefixMatch(of: toolsVersionLine).flatMap { Int($0.1) }
    }

    private static var toolsVersionLine: Regex<(Substring, Substring, Substring?, Substring)> { /^\s*\/\/\s*swift-tools-version\s*:\s*(\d+)(?:\.(\d+))?(?:\.\d+)?([^\n]*)/ }

    /// `text` with its tools version raised to 6.0 and the Swift 5 language mode pinned, so that the package's own
    /// code compiles exactly as before (tools 6.0 would make Swift 6 the default mode). A manifest that already names
    /// its language modes keeps them.
    static func raisedTo6(_ text: String, manifestName: String) throws -> String {
        guard let match = text.prefixMatch(of: toolsVersionLine) else {
            throw EditError(description: "\(manifestName):1:1: error: the manifest does not start with a '// swift-tools-version:' line")
        }
        if Int(match.1)! >= 6 { return text }
        var raised = text.replacingCharacters(in: match.range, with: "// swift-tools-version:6.0" + match.3)
        if !text.contains("swiftLanguageModes") && !text.contains("swiftLanguageVersions") {
            guard text.contains(/let\s+package\s*=\s*Package\s*\(/) else {
                throw EditError(description: "\(manifestName):1:1: error: cannot pin the Swift 5 language mode: no 'let package = Package(' "
                    + "in the manifest; raise its tools version to 6.0 and set 'swiftLanguageModes: [.v5]' by hand")
            }
            if !raised.hasSuffix("\n") { raised += "\n" }
            raised += "\n// Added by `instswift pin` with the tools-version 6.0 raise: the package's code keeps the Swift 5 language mode.\n"
                + "package.swiftLanguageModes = [.v5]\n"
        }
        return raised
    }
}

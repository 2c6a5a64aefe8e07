import Foundation

/// Edits the `// swift-tools-version:` line of a package manifest.
enum ManifestToolsVersion {
    struct EditError: Error, CustomStringConvertible {
        let description: String
    }

    /// The manifest's first line, parsed: where it is, the major version it declares and what follows the version.
    private struct ToolsVersionLine {
        let range: Range<String.Index>
        let major: Int
        let trailer: Substring

        init?(in text: String) {
            guard let match = text.prefixMatch(of: /^\s*\/\/\s*swift-tools-version\s*:\s*(\d+)(?:\.\d+){0,2}([^\n]*)/),
                let major = Int(match.1)
            else { return nil }
            self.range = match.range
            self.major = major
            trailer = match.2
        }
    }

    /// The tools version the manifest declares (`[5, 10]`, `[6, 0, 1]`), if its first line says.
    static func version(of text: String) -> [Int]? {
        guard let match = text.prefixMatch(of: /^\s*\/\/\s*swift-tools-version\s*:\s*(\d+(?:\.\d+){0,2})/) else { return nil }
        return match.1.split(separator: ".").compactMap { Int($0) }
    }

    /// The major tools version the manifest declares, if its first line says.
    static func major(of text: String) -> Int? {
        ToolsVersionLine(in: text)?.major
    }

    /// `text` with its tools version raised to 6.0 and the Swift 5 language mode pinned, so that the package's own
    /// code compiles exactly as before (tools 6.0 would make Swift 6 the default mode). A manifest whose code (not a
    /// comment or a string) already names its language modes keeps them.
    static func raisedTo6(_ text: String, manifestName: String) throws -> String {
        guard let line = ToolsVersionLine(in: text) else {
            throw EditError(description: "\(manifestName):1:1: error: the manifest does not start with a '// swift-tools-version:' line")
        }
        if line.major >= 6 { return text }
        var raised = text.replacingCharacters(in: line.range, with: "// swift-tools-version:6.0" + line.trailer)
        let code = codeOnly(text)
        if !code.contains("swiftLanguageModes") && !code.contains("swiftLanguageVersions") {
            guard code.contains(/let\s+package\s*=\s*Package\s*\(/) else {
                throw EditError(
                    description: "\(manifestName):1:1: error: cannot pin the Swift 5 language mode: no 'let package = Package(' "
                        + "in the manifest; raise its tools version to 6.0 and set 'swiftLanguageModes: [.v5]' by hand")
            }
            if !raised.hasSuffix("\n") { raised += "\n" }
            raised +=
                "\n// Added by `instswift pin` with the tools-version 6.0 raise: the package's code keeps the Swift 5 language mode.\n"
                + "package.swiftLanguageModes = [.v5]\n"
        }
        return raised
    }

    /// `text` with its comments and string literals blanked out, so a search finds only code.
    static func codeOnly(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var code: [UInt8] = []
        code.reserveCapacity(bytes.count)
        var index = 0
        func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        while index < bytes.count {
            switch (bytes[index], at(1), at(2)) {
            case (UInt8(ascii: "/"), UInt8(ascii: "/")?, _):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case (UInt8(ascii: "/"), UInt8(ascii: "*")?, _):
                var depth = 0
                repeat {
                    if at(0) == UInt8(ascii: "/"), at(1) == UInt8(ascii: "*") {
                        depth += 1; index += 2
                    } else if at(0) == UInt8(ascii: "*"), at(1) == UInt8(ascii: "/") {
                        depth -= 1; index += 2
                    } else {
                        index += 1
                    }
                } while depth > 0 && index < bytes.count
            case (UInt8(ascii: "\""), UInt8(ascii: "\"")?, UInt8(ascii: "\"")?):
                index += 3
                while index < bytes.count, !(at(0) == UInt8(ascii: "\"") && at(1) == UInt8(ascii: "\"") && at(2) == UInt8(ascii: "\"")) {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index += 3
            case (UInt8(ascii: "\""), _, _):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\n") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index += 1
            default:
                code.append(bytes[index])
                index += 1
                continue
            }
            code.append(UInt8(ascii: " "))
        }
        return String(decoding: code, as: UTF8.self)
    }
}

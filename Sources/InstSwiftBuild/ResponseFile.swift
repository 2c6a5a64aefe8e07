import Foundation

/// Response files, tokenized as the Swift driver does (GNU style): whitespace separates arguments; single quotes keep
/// everything literally; double quotes keep whitespace and take `\` escapes; a `\` outside quotes escapes the next
/// character. SwiftPM single-quotes paths that hold a space (`'/work/My App/Sources/A B.swift'`): read one argument a
/// line with double quotes only, such a path kept its quotes, matched nothing, and its module went uninstrumented.
enum ResponseFile {
    static func parse(_ text: String) -> [String] {
        var arguments: [String] = []
        var current = ""
        var inArgument = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if open == "\"", character == "\\" {
                    escaped = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                inArgument = true
            case "\\":
                escaped = true
                inArgument = true
            case _ where character.isWhitespace:
                if inArgument { arguments.append(current) }
                current = ""
                inArgument = false
            default:
                current.append(character)
                inArgument = true
            }
        }
        if inArgument { arguments.append(current) }
        return arguments
    }

    static func render(_ arguments: [String]) -> String {
        arguments.map { argument in
            argument.isEmpty || argument.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "\\" || $0 == "'" })
                ? "\"" + argument.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" : argument
        }.joined(separator: "\n") + "\n"
    }
}

import Foundation

/// The placeholders rules may use in names, templates and expressions.
public enum Placeholders {
    /// `{name}` placeholders of span names and templates. `{directive}` is the quoted name of the declaration's
    /// `// instswift:<verb> "name"` comment (the function's name when it gives none).
    public static let names = ["module", "type", "function", "signature", "callee", "receiver", "file", "line", "rule", "directive"]

    /// Names the renderer binds `$result`, `$element` and `$span` to.
    public static let bindings = ["$result": "result", "$error": "error", "$element": "element", "$span": "span"]

    /// `{parameter:LABEL}` in a template: the name the body uses for the declaration's parameter with argument label
    /// LABEL (`didCompleteWithError error: Error?` -> `error`), for advice on functions whose parameter names vary.
    public static let parameterPrefix = "parameter:"
    /// How a `{parameter:LABEL}` placeholder starts in a template.
    public static let parameterOpening = "{" + parameterPrefix

    /// The `{parameter:LABEL}` key of the parameter labelled `label`.
    public static func parameterKey(_ label: String) -> String { parameterPrefix + label }

    /// The code with every `$binding` replaced by a plain identifier and every `{parameter:LABEL}` by `LABEL`, as the
    /// validator needs it.
    public static func forValidation(_ code: String) -> String {
        var plain = substitute(code, bindings: bindings.mapValues { "instswift_" + $0 })
        while let open = plain.range(of: parameterOpening), let close = plain[open.upperBound...].firstIndex(of: "}") {
            plain.replaceSubrange(open.lowerBound...close, with: plain[open.upperBound..<close])
        }
        return plain
    }

    /// The labels of the `{parameter:LABEL}` placeholders in `template` that are not identifiers.
    public static func malformedParameters(in template: String) -> [String] {
        var found: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: parameterOpening) {
            let close = rest[open.upperBound...].firstIndex(of: "}") ?? rest.endIndex
            let label = rest[open.upperBound..<close]
            if label.isEmpty || label == "_" || !label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) || label.first!.isNumber {
                found.append(String(label))
            }
            rest = rest[close...]
        }
        return found
    }

    /// Replaces `$result`, `$element` and `$span` by the given identifiers.
    public static func substitute(_ code: String, bindings: [String: String]) -> String {
        // Most code names no binding: it is returned as it is, without sorting the bindings or searching for each.
        guard !bindings.isEmpty, code.utf8.contains(UInt8(ascii: "$")) else { return code }
        var result = code
        for (placeholder, name) in bindings.sorted(by: { $0.key > $1.key }) {
            result = result.replacingOccurrences(of: placeholder, with: name)
        }
        return result
    }

    /// Replaces `{name}` placeholders by their values; unknown ones stay as written.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        fill(template) { values[$0] }
    }

    /// Replaces `{name}` placeholders by `value(name)`; those it has no value for stay as written. Values are asked for
    /// only when a template names them (a file may hold thousands of sites, and most names have none).
    public static func fill(_ template: String, _ value: (String) -> String?) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        var rest = Substring(template)
        // A `{` that opens no placeholder (a closure in a template) is kept, and the search goes on right after it: the
        // code it opens may hold placeholders.
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            if let value = value(String(rest[rest.index(after: open)..<close])) {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[rest.index(after: open)...]
            }
        }
        return result + rest
    }

    /// The `{name}` placeholders in `template` that are not known.
    public static func unknown(in template: String) -> [String] {
        var found: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let word = String(rest[rest.index(after: open)..<close])
            if !word.isEmpty, word.allSatisfy({ $0.isLetter }), !names.contains(word) { found.append(word) }
            rest = rest[rest.index(after: open)...]
        }
        return found
    }
}

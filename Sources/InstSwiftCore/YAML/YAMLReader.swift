import Foundation

import Yams

/// Reads a composed YAML tree strictly: every value has a location, unknown keys are rejected with a suggestion,
/// and a wrong shape is reported where it is rather than thrown.
final class YAMLReader {
    /// The rules file being read, as the user named it.
    let file: String
    /// What went wrong so far.
    var diagnostics = Diagnostics()
    /// The rule being read, so its diagnostics carry its id.
    var currentRule: String?
    /// The file's lines, for columns inside block scalars.
    let lines: [Substring]
    /// Snippets already checked: a snippet reached again through a YAML alias is parsed once.
    private var validations: [CodeKind: [String: CodeProblem?]] = [:]

    enum CodeKind { case expression, statements }

    init(file: String, text: String = "") {
        self.file = file
        // `\r\n` is one Character: splitting on "\n" alone kept a CRLF file as one line (columns lost their indentation).
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    /// A 1-based line of the file, if it has one.
    func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The indentation of a 1-based line.
    func indentation(ofLine line: Int) -> Int {
        guard line >= 1, line <= lines.count else { return 0 }
        return lines[line - 1].prefix { $0 == " " }.count
    }

    /// The problem `validator` finds in a snippet (with `$bindings` made plain), checked once per distinct snippet.
    func validated(_ code: String, as kind: CodeKind, by validator: (any CodeValidator)?) -> CodeProblem? {
        guard let validator else { return nil }
        if let known = validations[kind]?[code] { return known }
        let plain = Placeholders.forValidation(code)
        let problem = kind == .expression ? validator.problem(inExpression: plain) : validator.problem(inStatements: plain)
        validations[kind, default: [:]][code] = .some(problem)
        return problem
    }

    /// Where a node is; libyaml's end-of-input position (one line past a file without a final newline) moves back to
    /// the end of the last line.
    func location(of node: Node) -> SourceLocation {
        let line = node.mark?.line ?? 1, column = node.mark?.column ?? 1
        let lastLine = lines.last?.isEmpty == true ? max(1, lines.count - 1) : max(1, lines.count)
        if line > lastLine, lastLine <= lines.count, !lines.isEmpty {
            return SourceLocation(file: file, line: lastLine, column: lines[lastLine - 1].count + 1)
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The most errors reported for one file; the rest are counted (a 10 MB file of unknown keys took seconds to list).
    static let errorLimit = 100
    /// Errors past ``errorLimit``.
    private(set) var unreportedErrors = 0

    func error(_ message: String, at node: Node) {
        guard diagnostics.all.count < Self.errorLimit else {
            unreportedErrors += 1
            return
        }
        diagnostics.error(message, at: location(of: node), rule: currentRule)
    }

    /// The node as a mapping with its keys checked against `allowed`, or nil after an error. `belongElsewhere`: keys
    /// that are not allowed here but are somewhere else, with where they go (said instead of a spelling suggestion).
    func mapping(_ node: Node, _ what: String, allowed: [String], belongElsewhere: [String: String] = [:]) -> YAMLMapping? {
        guard let mapping = node.mapping else {
            error("\(what) must be a mapping with the keys \(allowed.map { "'\($0)'" }.joined(separator: ", "))", at: node)
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        var seen = Set<String>()
        var misspelt = Set<String>()
        var hadUnknownKeys = false
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error("\(what) has a key that is not a string", at: keyNode)
                continue
            }
            guard allowed.contains(key) else {
                hadUnknownKeys = true
                if let place = belongElsewhere[key] {
                    error("unknown key '\(key)' in \(what): \(place)", at: keyNode)
                    continue
                }
                if let suggestion = Suggestion.closest(to: key, in: allowed) { misspelt.insert(suggestion) }
                error("unknown key '\(key)' in \(what)\(Suggestion.didYouMean(key, in: allowed))", at: keyNode)
                continue
            }
            guard seen.insert(key).inserted else {
                error("duplicate key '\(key)' in \(what)", at: keyNode)
                continue
            }
            entries.append((key, keyNode, value))
        }
        return YAMLMapping(node: node, entries: entries, what: what, reader: self, misspelt: misspelt, hadUnknownKeys: hadUnknownKeys)
    }

    /// A plain string scalar. A value with an explicit YAML tag (`!!binary ...`, `!!int 5`) is refused rather than
    /// silently read as its text.
    func string(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar else {
            error("\(what) must be a string", at: node)
            return nil
        }
        if let tag = explicitTag(at: node) {
            error("\(what) has the YAML tag '\(tag)'; write it as a plain or quoted string", at: node)
            return nil
        }
        return scalar.string
    }

    /// The tag written before a node (`!!binary`), read from the text at the node's position.
    func explicitTag(at node: Node) -> String? {
        guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = lines[mark.line - 1]
        guard let start = line.utf8.index(line.startIndex, offsetBy: mark.column - 1, limitedBy: line.endIndex),
            line[start...].hasPrefix("!")
        else { return nil }
        return String(line[start...].prefix { !$0.isWhitespace })
    }

    /// A non-empty string scalar.
    func nonEmptyString(_ node: Node, _ what: String) -> String? {
        guard let value = string(node, what) else { return nil }
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            error("\(what) must not be empty", at: node)
            return nil
        }
        return value
    }

    /// `true` or `false`.
    func bool(_ node: Node, _ what: String) -> Bool? {
        guard let scalar = node.scalar, let value = Bool(scalar.string.lowercased()) else {
            error("\(what) must be true or false", at: node)
            return nil
        }
        return value
    }

    /// One string or a list of strings.
    func stringList(_ node: Node, _ what: String) -> [String]? {
        if node.scalar != nil { return string(node, what).map { [$0] } }
        guard let sequence = node.sequence else {
            error("\(what) must be a string or a list of strings", at: node)
            return nil
        }
        var values: [String] = []
        for item in sequence {
            guard let value = string(item, "each item of \(what)") else { return nil }
            values.append(value)
        }
        return values
    }

    /// One of a closed set of words, with a suggestion when misspelt.
    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, as: T.Type) -> T? where T.RawValue == String {
        guard let word = string(node, what) else { return nil }
        if let value = T(rawValue: word) { return value }
        let names = T.allCases.map(\.rawValue)
        error(
            "\(what) '\(word)' is not one of \(names.map { "'\($0)'" }.joined(separator: ", "))"
                + Suggestion.didYouMean(word, in: names),
            at: node
        )
        return nil
    }

    /// A mapping from string keys to string values, in file order.
    func stringPairs(_ node: Node, _ what: String) -> [(key: String, value: String, node: Node)]? {
        guard let mapping = node.mapping else {
            error("\(what) must be a mapping of names to values", at: node)
            return nil
        }
        var pairs: [(String, String, Node)] = []
        var seen = Set<String>()
        for (keyNode, valueNode) in mapping {
            guard let key = string(keyNode, "a key of \(what)"), let value = string(valueNode, "the value of '\(keyNode.scalar?.string ?? "")' in \(what)")
            else {
                continue
            }
            guard seen.insert(key).inserted else {
                error("duplicate key '\(key)' in \(what)", at: keyNode)
                continue
            }
            pairs.append((key, value, valueNode))
        }
        return pairs
    }
}

/// A mapping whose keys were checked; values are looked up by key.
struct YAMLMapping {
    let node: Node
    let entries: [(key: String, keyNode: Node, value: Node)]
    let what: String
    unowned let reader: YAMLReader
    /// Keys that an unknown key was probably meant to be; their absence was already reported.
    let misspelt: Set<String>
    let hadUnknownKeys: Bool

    subscript(key: String) -> Node? { entries.first { $0.key == key }?.value }

    var keys: [String] { entries.map(\.key) }

    /// The value of a key the schema requires; reports its absence.
    func required(_ key: String) -> Node? {
        if let value = self[key] { return value }
        guard !misspelt.contains(key) else { return nil }
        reader.error("\(what) is missing the required key '\(key)'", at: node)
        return nil
    }
}

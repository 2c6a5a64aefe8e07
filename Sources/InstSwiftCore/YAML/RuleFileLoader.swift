import Foundation
import Yams

/// Loads rules files: YAML in, a `RuleSet` out, or every problem found, each at its file, line and column.
public struct RuleFileLoader: Sendable {
    /// Checks code snippets in rules; without one, snippets are not parsed at load time.
    public var validator: (any CodeValidator)?

    public init(validator: (any CodeValidator)?) { self.validator = validator }

    /// The keys at the top of a rules file.
    public static let fileKeys = ["version", "package", "rules"]

    /// Loads one file from disk.
    public func load(path: String) throws(Diagnostics) -> RuleSet {
        guard let text = try YAMLDocument.text(atPath: path, "the rules file") else {
            var diagnostics = Diagnostics()
            diagnostics.error("the rules file does not exist", at: SourceLocation(file: path, line: 1, column: 1))
            throw diagnostics
        }
        return try parse(text, file: path)
    }

    /// The offset of the first byte that is not valid UTF-8, and its line and column (columns count characters).
    static func firstInvalidUTF8(in bytes: [UInt8], file: String) -> (offset: Int, location: SourceLocation) {
        var offset = 0
        var line = 1, lineStart = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let valid =
                length > 0 && offset + length <= bytes.count
                && bytes[(offset + 1)..<(offset + length)].allSatisfy { $0 >> 6 == 0b10 }
                && String(validating: bytes[offset..<(offset + length)], as: UTF8.self) != nil
            guard valid else { break }
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = offset + 1 }
            offset += length
        }
        let column = (String(validating: bytes[lineStart..<offset], as: UTF8.self)?.count ?? 0) + 1
        return (offset, SourceLocation(file: file, line: line, column: column))
    }

    /// Parses rules from text; `file` is used in diagnostics.
    public func parse(_ text: String, file: String) throws(Diagnostics) -> RuleSet {
        let reader = YAMLReader(file: file, text: text)
        guard let root = try YAMLDocument.compose(text, reader: reader) else {
            reader.diagnostics.error("the rules file is empty; it needs a 'rules:' list", at: SourceLocation(file: file, line: 1, column: 1))
            throw reader.diagnostics
        }
        var rules: [Rule] = []
        if let top = reader.mapping(root, "the rules file", allowed: Self.fileKeys) {
            if let version = top["version"], version.scalar?.string != "1" {
                reader.error("unsupported rules format version '\(version.scalar?.string ?? "?")'; this instswift reads version 1", at: version)
            }
            let filePackage = top["package"].flatMap { readPackage($0, reader) }
            if let list = top.required("rules") {
                if let sequence = list.sequence {
                    var seenIDs: [String: SourceLocation] = [:]
                    for item in sequence {
                        reader.currentRule = nil
                        guard var rule = readRule(item, reader) else { continue }
                        if rule.package == nil { rule.package = filePackage }
                        if let first = seenIDs[rule.id] {
                            reader.diagnostics.error("duplicate rule id '\(rule.id)' (first defined at \(first))", at: rule.location, rule: rule.id)
                            continue
                        }
                        seenIDs[rule.id] = rule.location
                        rules.append(rule)
                    }
                } else {
                    reader.error("'rules' must be a list of rules", at: list)
                }
            }
        }
        if reader.unreportedErrors > 0 {
            reader.diagnostics.error(
                "and \(reader.unreportedErrors) more error(s) not shown; fix the ones above first",
                at: SourceLocation(file: file, line: 1, column: 1)
            )
        }
        if reader.diagnostics.hasErrors { throw reader.diagnostics }
        return RuleSet(rules: rules, sources: [(file, text)])
    }

    static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        /// A position past the end of the text (libyaml's end of input) moves back to the end of the last line.
        func location(_ mark: Mark) -> SourceLocation {
            let lastLine = lines.last?.isEmpty == true ? max(1, lines.count - 1) : max(1, lines.count)
            if mark.line > lastLine { return SourceLocation(file: file, line: lastLine, column: lines[lastLine - 1].count + 1) }
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context, context.mark.line != mark.line || context.mark.column != mark.column {
                message += " (\(context.text) that starts at \(context.mark.line):\(context.mark.column))"
            }
            if problem.contains("mapping values are not allowed") {
                // The usual cause in rules: Swift code with `: ` (labels, ternaries) written as a plain scalar.
                message += "; a value that contains ': ' (Swift labels, a ternary) must be quoted: key: 'code'"
            }
            return Diagnostic(.error, message, at: location(mark))
        case .reader(let problem, let offset, _, _):
            let prefix = offset.map { Array(text.utf8.prefix($0)) } ?? []
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = String(decoding: prefix.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).last ?? [], as: UTF8.self).count + 1
            return Diagnostic(.error, "invalid YAML: \(problem)", at: SourceLocation(file: file, line: line, column: column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams names the mapping; the second occurrence of the key is where the mistake is.
            let key = duplicates.sorted().first ?? ""
            var seen = 0
            for (index, line) in lines.enumerated() where index + 1 >= context.mark.line {
                let trimmed = line.drop { $0 == " " || $0 == "-" }
                guard trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") else { continue }
                seen += 1
                if seen == 2 {
                    let column = line.count - trimmed.count + 1
                    return Diagnostic(.error, "duplicate key '\(key)'", at: SourceLocation(file: file, line: index + 1, column: column))
                }
            }
            return Diagnostic(.error, "duplicate key '\(key)'", at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            return Diagnostic(.error, "invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    // MARK: - Rules

    func readRule(_ node: Node, _ reader: YAMLReader) -> Rule? {
        reader.currentRule = node.mapping?["id"]?.string
        guard let map = reader.mapping(node, "a rule", allowed: Rule.keys) else { return nil }
        guard let idNode = map.required("id"), let id = reader.nonEmptyString(idNode, "'id'") else { return nil }
        reader.currentRule = id
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            reader.error("rule id '\(id)' may use only letters, digits, '-', '_' and '.'", at: idNode)
            return nil
        }
        let joinPoint = map.required("where").flatMap { readJoinPoint($0, reader, what: "'where'") }
        var advice: [Advice] = []
        if let adviceNode = map.required("advice") {
            if let sequence = adviceNode.sequence, !sequence.isEmpty {
                advice = sequence.compactMap { readAdvice($0, reader) }
            } else {
                reader.error("'advice' must be a non-empty list such as '- span: {}'", at: adviceNode)
            }
        }
        guard let joinPoint, !advice.isEmpty else { return nil }
        var rule = Rule(id: id, joinPoint: joinPoint, advice: advice, location: reader.location(of: node))
        rule.description = map["description"].flatMap { reader.string($0, "'description'") }
        rule.modules = map["modules"].flatMap { reader.stringList($0, "'modules'") }?.map(Glob.init) ?? []
        rule.files = map["files"].flatMap { reader.stringList($0, "'files'") }?.map(Glob.init) ?? []
        rule.package = map["package"].flatMap { readPackage($0, reader) }
        if let languageNode = map["language"] { rule.language = reader.choice(languageNode, "language", as: Rule.Language.self) ?? .swift }
        checkAdviceFits(rule, reader, at: node)
        if rule.language == .c { checkCAdvice(rule, reader, at: node) }
        return rule
    }

    func readPackage(_ node: Node, _ reader: YAMLReader) -> PackageConstraint? {
        guard let map = reader.mapping(node, "'package'", allowed: PackageConstraint.keys),
            let name = map.required("name").flatMap({ reader.nonEmptyString($0, "'package.name'") })
        else { return nil }
        var range: VersionRange?
        if let versionsNode = map["versions"], let text = reader.string(versionsNode, "'package.versions'") {
            switch VersionRange.parse(text) {
            case .success(let parsed): range = parsed
            case .failure(let failure): reader.error(failure.message, at: versionsNode)
            }
        }
        return PackageConstraint(name: name, versions: range)
    }

    /// Rejects advice that cannot apply to what the join point selects.
    func checkAdviceFits(_ rule: Rule, _ reader: YAMLReader, at node: Node) {
        guard rule.joinPoint.selectsCalls else {
            if rule.advice.contains(where: { if case .wrapReceiver = $0 { true } else { false } }) {
                reader.diagnostics.error(
                    "'wrap-receiver' applies to calls; select them with a 'call' join point (a declaration has no receiver)",
                    at: reader.location(of: node), rule: rule.id)
            }
            return
        }
        for advice in rule.advice {
            switch advice {
            case .span(let span) where !span.resultAttributes.isEmpty || !span.errorAttributes.isEmpty || span.extractContext != nil || span.ending == .stream:
                reader.diagnostics.error(
                    "a span around a call supports 'name', 'kind' and 'attributes' only; use a 'function' join point for results, streams and context extraction",
                    at: reader.location(of: node), rule: rule.id)
            case .insert, .injectContext, .wrap:
                reader.diagnostics.error(
                    "'\(advice.key)' applies to declarations; a 'call' join point supports 'span', 'wrap-receiver', 'import' and 'declare'",
                    at: reader.location(of: node), rule: rule.id)
            case .span, .addImport, .declare, .wrapReceiver: break
            }
        }
    }

    /// C rules wrap function bodies in spans named by a template, with attributes from integer and string parameters.
    func checkCAdvice(_ rule: Rule, _ reader: YAMLReader, at node: Node) {
        guard rule.joinPoint.selectsOnlyFunctions else {
            reader.diagnostics.error(
                "a C rule selects function definitions: use 'function' join points (combined with all-of, one-of, not)", at: reader.location(of: node),
                rule: rule.id)
            return
        }
        for advice in rule.advice {
            switch advice {
            case .span(let span) where span.resultAttributes.isEmpty && span.errorAttributes.isEmpty && span.extractContext == nil && span.ending == .return:
                for binding in span.attributes where !binding.value.code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    reader.diagnostics.error(
                        "attribute '\(binding.key)' of a C rule must name a parameter (an integer or a string), not '\(binding.value.code)'",
                        at: binding.value.location, rule: rule.id)
                }
            case .span, .injectContext, .addImport, .insert, .wrap, .declare, .wrapReceiver:
                reader.diagnostics.error(
                    "a C rule supports 'span' with 'name', 'kind' and 'attributes' only ('\(advice.key)' applies to Swift)",
                    at: reader.location(of: node), rule: rule.id)
            }
        }
    }

    // MARK: - Code snippets

    /// Reads a Swift expression and checks it parses.
    func expression(_ node: Node, _ what: String, _ reader: YAMLReader) -> CodeSnippet? {
        guard let code = reader.nonEmptyString(node, what) else { return nil }
        let snippet = CodeSnippet(code, at: reader.location(of: node))
        if let problem = reader.validated(code, as: .expression, by: validator) {
            report(problem, in: what, node: node, reader)
        }
        return snippet
    }

    /// Reads Swift statements and checks they parse.
    func statements(_ node: Node, _ what: String, _ reader: YAMLReader) -> CodeSnippet? {
        guard let code = reader.nonEmptyString(node, what) else { return nil }
        var location = reader.location(of: node)
        if let style = node.scalar?.style, style == .literal || style == .folded {
            location.line += 1
        }
        if let problem = reader.validated(code, as: .statements, by: validator) {
            report(problem, in: what, node: node, reader)
        }
        return CodeSnippet(code, at: location)
    }

    private func report(_ problem: CodeProblem, in what: String, node: Node, _ reader: YAMLReader) {
        var location = reader.location(of: node)
        let isBlock = node.scalar.map { $0.style == .literal || $0.style == .folded } ?? false
        if isBlock {
            location.line += problem.line
            location.column = problem.column + reader.indentation(ofLine: location.line)
        } else if problem.line == 1 {
            let style = node.scalar?.style
            let quoteOffset = style == .plain ? 0 : 1
            let sourceOffset =
                style == .doubleQuoted
                ? Self.sourceOffset(ofDecoded: problem.column - 1, inLine: reader.line(location.line), from: location.column)
                : problem.column - 1
            location.column += sourceOffset + quoteOffset
        }
        reader.diagnostics.error("\(what) is not valid Swift: \(problem.message)", at: location, rule: reader.currentRule)
    }

    /// How many characters of a double-quoted scalar's source (starting after the quote at 1-based `quoteColumn`) hold
    /// its first `decoded` characters: an escape (`\t`, `\x41`, `\u00e9`) is one character decoded but several written.
    static func sourceOffset(ofDecoded decoded: Int, inLine line: Substring?, from quoteColumn: Int) -> Int {
        guard let line, let start = line.index(line.startIndex, offsetBy: quoteColumn, limitedBy: line.endIndex) else { return decoded }
        var index = start, written = 0
        for _ in 0..<decoded {
            guard index < line.endIndex else { break }
            var length = 1
            if line[index] == "\\", let next = line.index(index, offsetBy: 1, limitedBy: line.endIndex), next < line.endIndex {
                switch line[next] {
                case "x": length = 4
                case "u": length = 6
                case "U": length = 10
                default: length = 2
                }
            }
            written += length
            index = line.index(index, offsetBy: length, limitedBy: line.endIndex) ?? line.endIndex
        }
        return written
    }
}

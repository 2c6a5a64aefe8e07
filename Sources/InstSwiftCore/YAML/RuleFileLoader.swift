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
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            var diagnostics = Diagnostics()
            diagnostics.error("cannot read rules file (it does not exist or is not UTF-8 text)", at: SourceLocation(file: path, line: 1, column: 1))
            throw diagnostics
        }
        return try parse(text, file: path)
    }

    /// Parses rules from text; `file` is used in diagnostics.
    public func parse(_ text: String, file: String) throws(Diagnostics) -> RuleSet {
        let reader = YAMLReader(file: file, text: text)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                reader.diagnostics.error("the rules file is empty; it needs a 'rules:' list", at: SourceLocation(file: file, line: 1, column: 1))
                throw reader.diagnostics
            }
            root = node
        } catch let error as YamlError {
            reader.diagnostics.emit(Self.diagnostic(for: error, file: file))
            throw reader.diagnostics
        } catch let diagnostics as Diagnostics {
            throw diagnostics
        } catch {
            reader.diagnostics.error("\(error)", at: SourceLocation(file: file, line: 1, column: 1))
            throw reader.diagnostics
        }

        if let problem = YAMLBudget.problem(in: root) {
            reader.error(problem, at: root)
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
        if reader.diagnostics.hasErrors { throw reader.diagnostics }
        return RuleSet(rules: rules, sources: [(file, text)])
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(.error, "invalid YAML: \(problem)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
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
        guard rule.joinPoint.selectsCalls else { return }
        for advice in rule.advice {
            switch advice {
            case .span(let span) where !span.resultAttributes.isEmpty || !span.errorAttributes.isEmpty || span.extractContext != nil || span.ending == .stream:
                reader.diagnostics.error(
                    "a span around a call supports 'name', 'kind' and 'attributes' only; use a 'function' join point for results, streams and context extraction",
                    at: reader.location(of: node), rule: rule.id)
            case .insert, .injectContext:
                reader.diagnostics.error(
                    "'\(advice.key)' applies to declarations; a 'call' join point supports 'span' and 'import'",
                    at: reader.location(of: node), rule: rule.id)
            default: break
            }
        }
    }

    /// C rules wrap function bodies in spans named by a template, with attributes from integer and string parameters.
    func checkCAdvice(_ rule: Rule, _ reader: YAMLReader, at node: Node) {
        guard rule.joinPoint.selectsOnlyFunctions else {
            reader.diagnostics.error("a C rule selects function definitions: use 'function' join points (combined with all-of, one-of, not)", at: reader.location(of: node), rule: rule.id)
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
            default:
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
            let quoteOffset = node.scalar.map { $0.style == .plain ? 0 : 1 } ?? 0
            location.column += problem.column - 1 + quoteOffset
        }
        reader.diagnostics.error("\(what) is not valid Swift: \(problem.message)", at: location, rule: reader.currentRule)
    }
}

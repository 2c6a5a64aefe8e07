import Yams

extension RuleFileLoader {
    /// A rule's filters written inside its join point (`function: {module: App}`), with where they go instead.
    static let misplacedFilters: [String: String] = {
        var places: [String: String] = [:]
        for (keys, filter) in [(["module", "modules", "target", "targets"], "modules"), (["file", "files", "path"], "files"), (["package"], "package")] {
            for key in keys { places[key] = "filters are keys of the rule, beside 'where:' (write '\(filter): ...' there)" }
        }
        return places
    }()

    /// Reads a `where:` mapping: exactly one join point kind.
    func readJoinPoint(_ node: Node, _ reader: YAMLReader, what: String) -> JoinPoint? {
        guard let map = reader.mapping(node, what, allowed: JoinPoint.keys, belongElsewhere: Self.misplacedFilters) else { return nil }
        guard map.entries.count == 1, let entry = map.entries.first else {
            if map.entries.isEmpty {
                guard !map.hadUnknownKeys else { return nil }
                reader.error("\(what) needs one of \(JoinPoint.keys.map { "'\($0)'" }.joined(separator: ", "))", at: node)
            } else {
                reader.error(
                    "\(what) has \(map.keys.map { "'\($0)'" }.joined(separator: " and ")); use 'all-of' to combine join points", at: map.entries[1].keyNode)
            }
            return nil
        }
        // `mapping(_:allowed:)` reported a key that names no kind.
        guard let kind = JoinPointKind(rawValue: entry.key) else { return nil }
        switch kind {
        case .function: return readFunction(entry.value, reader).map(JoinPoint.function)
        case .call: return readCall(entry.value, reader).map(JoinPoint.call)
        case .directive: return readDirective(entry.value, reader).map(JoinPoint.directive)
        case .entryPoint:
            if entry.value.scalar.map({ $0.string.isEmpty || $0.string == "{}" }) == true { return .entryPoint(EntryPointPattern()) }
            guard reader.mapping(entry.value, "'entry-point'", allowed: EntryPointPattern.keys, belongElsewhere: Self.misplacedFilters) != nil else {
                return nil
            }
            return .entryPoint(EntryPointPattern())
        case .not: return readJoinPoint(entry.value, reader, what: "'not'").map(JoinPoint.not)
        case .allOf, .oneOf:
            guard let items = entry.value.sequence, !items.isEmpty else {
                reader.error("'\(entry.key)' must be a non-empty list of join points", at: entry.value)
                return nil
            }
            let parts = items.compactMap { readJoinPoint($0, reader, what: "an item of '\(entry.key)'") }
            guard parts.count == items.count else { return nil }
            return kind == .allOf ? .allOf(parts) : .oneOf(parts)
        }
    }

    func readFunction(_ node: Node, _ reader: YAMLReader) -> FunctionPattern? {
        guard let map = reader.mapping(node, "'function'", allowed: FunctionPattern.keys, belongElsewhere: Self.misplacedFilters) else { return nil }
        var pattern = FunctionPattern()
        if let kinds = map["kinds"] {
            let words = reader.stringList(kinds, "'kinds'") ?? []
            var parsed: Set<DeclarationSite.Kind> = []
            for word in words {
                if let kind = DeclarationSite.Kind(rawValue: word) {
                    parsed.insert(kind)
                } else {
                    let names = DeclarationSite.Kind.allCases.map(\.rawValue)
                    reader.error("kind '\(word)' is not one of \(names.joined(separator: ", "))\(Suggestion.didYouMean(word, in: names))", at: kinds)
                }
            }
            pattern.kinds = parsed
        }
        pattern.name = map["name"].flatMap { reader.nonEmptyString($0, "'name'") }.map(Glob.init)
        pattern.type = map["type"].flatMap { reader.string($0, "'type'") }.map(Glob.init)
        pattern.inherits = map["inherits"].flatMap { reader.nonEmptyString($0, "'inherits'") }.map(Glob.init)
        pattern.labels = map["labels"].flatMap { readLabels($0, reader) }
        pattern.isAsync = map["async"].flatMap { reader.bool($0, "'async'") }
        pattern.isThrowing = map["throws"].flatMap { reader.bool($0, "'throws'") }
        pattern.attributes = (map["attributes"].flatMap { reader.stringList($0, "'attributes'") } ?? [])
            .map { Glob($0.hasPrefix("@") ? String($0.dropFirst()) : $0) }
        if let accessNode = map["access"], let levels = reader.stringList(accessNode, "'access'") {
            for level in levels where !FunctionPattern.accessLevels.contains(level) {
                reader.error(
                    "access level '\(level)' is not one of \(FunctionPattern.accessLevels.joined(separator: ", "))\(Suggestion.didYouMean(level, in: FunctionPattern.accessLevels))",
                    at: accessNode)
            }
            pattern.access = levels
        }
        pattern.modifiers = map["modifiers"].flatMap { reader.stringList($0, "'modifiers'") } ?? []
        return pattern
    }

    func readCall(_ node: Node, _ reader: YAMLReader) -> CallPattern? {
        guard let map = reader.mapping(node, "'call'", allowed: CallPattern.keys, belongElsewhere: Self.misplacedFilters),
            let callee = map.required("callee").flatMap({ reader.nonEmptyString($0, "'callee'") })
        else { return nil }
        var pattern = CallPattern(callee: Glob(callee))
        pattern.labels = map["labels"].flatMap { readLabels($0, reader) }
        pattern.receiver = map["receiver"].flatMap { reader.nonEmptyString($0, "'receiver'") }.map(Glob.init)
        return pattern
    }

    func readDirective(_ node: Node, _ reader: YAMLReader) -> DirectivePattern? {
        guard let verb = reader.nonEmptyString(node, "'directive'") else { return nil }
        guard !DirectivePattern.reservedVerbs.contains(verb), verb.allSatisfy({ $0.isLetter || $0 == "-" }) else {
            reader.error("'\(verb)' cannot be a rule's directive; use a word such as 'span' (ignore and ignore-file are built in)", at: node)
            return nil
        }
        return DirectivePattern(verb: verb)
    }

    /// Labels as a list: `[request, _]`; an empty list matches declarations without parameters.
    func readLabels(_ node: Node, _ reader: YAMLReader) -> [String]? {
        if let scalar = node.scalar, scalar.string.isEmpty || scalar.string == "[]" { return [] }
        guard node.sequence != nil else {
            reader.error("'labels' must be a list such as [request, _] ('_' for an unlabelled argument)", at: node)
            return nil
        }
        return reader.stringList(node, "'labels'")
    }
}

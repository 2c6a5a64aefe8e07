import Yams

extension RuleFileLoader {
    /// Reads one item of `advice:`: a mapping with exactly one advice kind.
    func readAdvice(_ node: Node, _ reader: YAMLReader) -> Advice? {
        guard let map = reader.mapping(node, "an advice", allowed: Advice.keys) else { return nil }
        guard map.entries.count == 1, let entry = map.entries.first else {
            if map.entries.isEmpty, map.hadUnknownKeys { return nil }
            reader.error(
                map.entries.isEmpty
                    ? "an advice needs one of \(Advice.keys.map { "'\($0)'" }.joined(separator: ", "))"
                    : "one advice per list item; put '\(map.entries[1].key)' in its own '- \(map.entries[1].key): ...' item",
                at: map.entries.count > 1 ? map.entries[1].keyNode : node)
            return nil
        }
        // `mapping(_:allowed:)` reported a key that names no kind.
        guard let kind = AdviceKind(rawValue: entry.key) else { return nil }
        switch kind {
        case .span: return readSpan(entry.value, reader).map(Advice.span)
        case .injectContext: return readInjectContext(entry.value, reader).map(Advice.injectContext)
        case .addImport:
            guard let module = reader.nonEmptyString(entry.value, "'import'") else { return nil }
            guard module.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                reader.error("'\(module)' is not a module name", at: entry.value)
                return nil
            }
            return .addImport(ImportAdvice(module: module))
        case .insert: return readInsert(entry.value, reader).map(Advice.insert)
        case .wrap: return readWrap(entry.value, reader).map(Advice.wrap)
        case .declare: return statements(entry.value, "'declare'", reader).map { .declare(DeclareAdvice(code: $0)) }
        case .wrapReceiver: return readWrapReceiver(entry.value, reader).map(Advice.wrapReceiver)
        }
    }

    /// `wrap: Observer.observe(request)`: a call the body becomes the trailing closure of.
    func readWrap(_ node: Node, _ reader: YAMLReader) -> WrapAdvice? {
        guard let snippet = expression(node, "'wrap'", reader) else { return nil }
        let code = snippet.code.trimmingCharacters(in: .whitespacesAndNewlines)
        let isPath = code.first.map { $0.isLetter || $0 == "_" } == true && code.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        guard code.hasSuffix(")") || isPath else {
            reader.error("'wrap' must be a call without its trailing closure, such as 'Observer.observe(request)' (the body becomes that closure)", at: node)
            return nil
        }
        return WrapAdvice(call: CodeSnippet(code, at: snippet.location))
    }

    /// `wrap-receiver: Proxy.traced`: a function the call's receiver goes through.
    func readWrapReceiver(_ node: Node, _ reader: YAMLReader) -> WrapReceiverAdvice? {
        guard let snippet = expression(node, "'wrap-receiver'", reader) else { return nil }
        let code = snippet.code.trimmingCharacters(in: .whitespacesAndNewlines)
        guard code.first.map({ $0.isLetter || $0 == "_" }) == true, code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
            reader.error("'wrap-receiver' must name a function, such as 'Proxy.traced' (the call's receiver becomes its argument)", at: node)
            return nil
        }
        return WrapReceiverAdvice(function: CodeSnippet(code, at: snippet.location))
    }

    func readSpan(_ node: Node, _ reader: YAMLReader) -> SpanAdvice? {
        var span = SpanAdvice()
        if let scalar = node.scalar, scalar.string.isEmpty || scalar.string == "{}" { return span }
        guard let map = reader.mapping(node, "'span'", allowed: SpanAdvice.keys) else { return nil }
        if let nameNode = map["name"], let name = reader.nonEmptyString(nameNode, "'name'") {
            for word in Placeholders.unknown(in: name) {
                reader.error("unknown placeholder '{\(word)}' in the span name\(Suggestion.didYouMean(word, in: Placeholders.names))", at: nameNode)
            }
            span.name = name
        }
        if let kindNode = map["kind"] { span.kind = reader.choice(kindNode, "span kind", as: SpanAdvice.Kind.self) ?? .internal }
        span.attributes = map["attributes"].map { readAttributes($0, "'attributes'", reader) } ?? []
        span.resultAttributes = map["result-attributes"].map { readAttributes($0, "'result-attributes'", reader) } ?? []
        span.errorAttributes = map["error-attributes"].map { readAttributes($0, "'error-attributes'", reader) } ?? []
        span.extractContext = map["extract-context"].flatMap { expression($0, "'extract-context'", reader) }
        if let endsNode = map["ends"] { span.ending = reader.choice(endsNode, "span end", as: SpanAdvice.Ending.self) ?? .return }
        span.elementAttributes = map["element-attributes"].map { readAttributes($0, "'element-attributes'", reader) } ?? []
        span.firstElementTimeAttribute = map["first-element-time-attribute"].flatMap { reader.nonEmptyString($0, "'first-element-time-attribute'") }
        span.elementCountAttribute = map["element-count-attribute"].flatMap { reader.nonEmptyString($0, "'element-count-attribute'") }
        span.rename = map["rename"].flatMap { expression($0, "'rename'", reader) }
        span.unless = map["unless"].flatMap { expression($0, "'unless'", reader) }
        if span.ending == .stream, let keyNode = map.entries.first(where: { $0.key == "unless" || $0.key == "rename" })?.keyNode {
            reader.error("'\(keyNode.scalar?.string ?? "")' applies to spans that end when the function returns, not to 'ends: stream'", at: keyNode)
        }
        for snippet in [span.rename, span.unless].compactMap({ $0 }) where snippet.code.contains("$result") || snippet.code.contains("$error") {
            reader.diagnostics.error("'$result' and '$error' are not available in 'rename' and 'unless'", at: snippet.location, rule: reader.currentRule)
        }
        let streamOnly = ["element-attributes", "first-element-time-attribute", "element-count-attribute"].filter { map[$0] != nil }
        if span.ending != .stream, let key = streamOnly.first, let keyNode = map.entries.first(where: { $0.key == key })?.keyNode {
            reader.error("'\(key)' needs 'ends: stream' (the span must outlive the function to see the stream's elements)", at: keyNode)
        }
        for binding in span.attributes + span.elementAttributes + span.errorAttributes where binding.value.code.contains("$result") {
            reader.diagnostics.error("'$result' is only available in 'result-attributes'", at: binding.value.location, rule: reader.currentRule)
        }
        for binding in span.attributes + span.resultAttributes + span.elementAttributes where binding.value.code.contains("$error") {
            reader.diagnostics.error("'$error' is only available in 'error-attributes'", at: binding.value.location, rule: reader.currentRule)
        }
        for binding in span.attributes + span.resultAttributes + span.errorAttributes where binding.value.code.contains("$element") {
            reader.diagnostics.error("'$element' is only available in 'element-attributes'", at: binding.value.location, rule: reader.currentRule)
        }
        return span
    }

    func readAttributes(_ node: Node, _ what: String, _ reader: YAMLReader) -> [AttributeBinding] {
        guard let pairs = reader.stringPairs(node, what) else { return [] }
        return pairs.compactMap { pair in
            guard isSecret(pair.key) == false else {
                reader.error("'\(pair.key)' would record a credential; instswift never captures Authorization, Cookie or API-key headers", at: pair.node)
                return nil
            }
            guard let snippet = expression(pair.node, "the value of '\(pair.key)'", reader) else { return nil }
            if let header = Self.credentialHeader(readBy: snippet.code) {
                reader.error(
                    "the value of '\(pair.key)' reads the '\(header)' header, a credential; instswift never captures Authorization, Cookie or API-key headers",
                    at: pair.node
                )
                return nil
            }
            return AttributeBinding(key: pair.key, value: snippet)
        }
    }

    /// Header names (lowercased) that carry credentials; the runtime's `InstSwift.sensitiveHeaders` is the same list.
    public static let credentialHeaders = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key"]

    /// The credential header an expression reads, by name in a string literal (`headers["Authorization"]`) or as a
    /// swift-http-types field name (`headers[.authorization]`), if any.
    static func credentialHeader(readBy code: String) -> String? {
        let lowered = code.lowercased()
        for header in credentialHeaders {
            if lowered.contains("\"\(header)\"") { return header }
            let member =
                "."
                + header.split(separator: "-").enumerated()
                .map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
            var searchStart = code.startIndex
            while let range = code.range(of: member, options: .caseInsensitive, range: searchStart..<code.endIndex) {
                let next = range.upperBound < code.endIndex ? code[range.upperBound] : " "
                if !(next.isLetter || next.isNumber || next == "_") { return header }
                searchStart = range.upperBound
            }
        }
        return nil
    }

    /// Attribute keys that name credentials (`http.request.header.authorization`, `..._api_key`).
    func isSecret(_ key: String) -> Bool {
        let normalized = String(key.lowercased().map { $0 == "_" ? "-" : $0 })
        return Self.credentialHeaders.contains { normalized.hasSuffix($0) }
    }

    func readInjectContext(_ node: Node, _ reader: YAMLReader) -> InjectContextAdvice? {
        let target: Node?
        if node.scalar != nil {
            target = node
        } else {
            target = reader.mapping(node, "'inject-context'", allowed: InjectContextAdvice.keys)?.required("into")
        }
        guard let target, let snippet = expression(target, "'inject-context'", reader) else { return nil }
        let advice = InjectContextAdvice(into: snippet)
        guard advice.isMutablePath else {
            reader.error(
                "'inject-context' must be a mutable path that starts at a parameter, such as 'request.headers' (not '\(snippet.code)')",
                at: target
            )
            return nil
        }
        guard !advice.rootName.isEmpty else {
            reader.error("'inject-context' must name a path that starts at a parameter, such as 'request.headers'", at: target)
            return nil
        }
        return advice
    }

    func readInsert(_ node: Node, _ reader: YAMLReader) -> TemplateAdvice? {
        guard let map = reader.mapping(node, "'insert'", allowed: TemplateAdvice.keys) else { return nil }
        guard map.entries.count == 1, let entry = map.entries.first else {
            reader.error("'insert' needs exactly one of 'before' or 'after'; use two advice items for both", at: node)
            return nil
        }
        guard let code = statements(entry.value, "the '\(entry.key)' template", reader) else { return nil }
        for word in Placeholders.unknown(in: code.code) {
            reader.error("unknown placeholder '{\(word)}' in the template\(Suggestion.didYouMean(word, in: Placeholders.names))", at: entry.value)
        }
        for label in Placeholders.malformedParameters(in: code.code) {
            reader.error(
                "'{\(Placeholders.parameterPrefix)\(label)}' needs the argument label of a parameter, such as '{\(Placeholders.parameterPrefix)task}'",
                at: entry.value)
        }
        return TemplateAdvice(position: entry.key == "before" ? .before : .after, code: code)
    }
}

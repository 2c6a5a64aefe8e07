import InstSwiftCore

/// Wraps a call expression in a span: `InstSwift.span("name") { instswiftSpan in try await call(...) }`, repeating
/// inside the closure the `try` and `await` written around the call; and passes its receiver through a `wrap-receiver`
/// function: `Proxy.traced(session).data(for: r)`.
struct CallRenderer {
    let site: CallSite
    let call: CallTarget
    let rules: [Rule]
    let context: RenderContext

    /// The injected text of a call, which depends only on the rules, the span names and the call's effects: a file
    /// calls the same function many times, and each call's text is made once (``Cache``).
    struct Texts {
        var imports: [String] = []
        /// The receiver functions, the first rule's first.
        var receiverFunctions: [String] = []
        /// Before the call: the spans' openings and the `try` / `await` repeated inside them (empty without a span).
        var opening = ""
        var closing = ""
    }

    /// What a call's ``Texts`` are made from.
    struct TextsKey: Hashable {
        var rules: [SourceLocation]
        var spanNames: [String]
        var underTry, underAwait, nonsending: Bool
    }

    /// The texts made so far for a file's calls.
    typealias Cache = [TextsKey: Texts]

    func render(cache: inout Cache) -> BodyRenderer.Output {
        // An awaited call in a `nonisolated(nonsending)` body stays on the caller's actor inside its span.
        let nonsending =
            call.underAwait
            && call.enclosingIsolation?.spanBodyIsNonsending(byDefault: context.options.asyncFunctionsAreNonsendingByDefault) == true
        var spanNames: [String] = []
        for rule in rules {
            for case .span(let span) in rule.advice { spanNames.append(spanName(span, rule: rule)) }
        }
        let key = TextsKey(
            rules: rules.map(\.location), spanNames: spanNames, underTry: call.underTry, underAwait: call.underAwait, nonsending: nonsending)
        let texts = cache[key] ?? texts(spanNames: spanNames, nonsending: nonsending)
        cache[key] = texts
        return output(texts)
    }

    /// The call's texts, made from its rules' advice.
    private func texts(spanNames: [String], nonsending: Bool) -> Texts {
        var texts = Texts()
        var opening = ""
        var names = spanNames.makeIterator()
        for rule in rules {
            for advice in rule.advice {
                switch advice {
                case .span(let span):
                    texts.imports += context.runtimeImports
                    var arguments = [stringLiteral(names.next() ?? "")]
                    if span.kind != .internal { arguments.append("kind: \(RenderContext.kind(span.kind))") }
                    let attributes = RenderContext.records(span.attributes, span: "instswiftSpan")
                    if !attributes.isEmpty { arguments.append("attributes: { instswiftSpan in \(attributes) }") }
                    let function = nonsending ? RuntimeFunction.span.nonsending : .span
                    opening += "\(function.call)(\(arguments.joined(separator: ", "))) { instswiftSpan in "
                    texts.closing += " }"
                case .addImport(let module):
                    texts.imports.append(module.module)
                case .wrapReceiver(let wrap):
                    if wrap.function.code.hasPrefix("InstSwift.") { texts.imports += context.runtimeImports }
                    texts.receiverFunctions.append(wrap.function.code)
                case .injectContext, .insert, .wrap, .declare:
                    continue  // declarations only (the rules loader refuses them here; `declare` is added per module)
                }
            }
        }
        guard !opening.isEmpty else { return texts }
        if call.underTry { opening += "try " }
        if call.underAwait { opening += "await " }
        texts.opening = InjectedRegion.wrap(opening)
        texts.closing = InjectedRegion.wrap(texts.closing)
        return texts
    }

    /// The edits that put `texts` around this call and its receiver.
    private func output(_ texts: Texts) -> BodyRenderer.Output {
        var output = BodyRenderer.Output()
        output.imports = texts.imports
        let receiverFunctions = texts.receiverFunctions
        switch call.receiver {
        case .value(let receiver) where !receiverFunctions.isEmpty:
            // Inside the span's region (shorter regions open later at one offset), the first rule's function outermost.
            let start = receiver.lowerBound.utf8Offset, end = receiver.upperBound.utf8Offset
            for (index, function) in receiverFunctions.enumerated() {
                let sequence = context.sequence * 16 + index
                output.edits.append(TextEdit(offset: start, text: InjectedRegion.wrap(function + "("), role: .open(length: end - start), sequence: sequence))
                output.edits.append(TextEdit(offset: end, text: InjectedRegion.wrap(")"), role: .close(length: end - start), sequence: sequence))
            }
        case .optional(let end) where !receiverFunctions.isEmpty:
            // `session?.data(...)`: the functions take the unwrapped value, so a function written for the value works.
            let applied = receiverFunctions.reversed().reduce("$0") { "\($1)(\($0))" }
            output.edits.append(TextEdit(offset: end.utf8Offset, text: InjectedRegion.counted(".map { \(applied) }"), sequence: context.sequence))
        default:
            break
        }
        guard !texts.opening.isEmpty else { return output }
        let start = call.start.utf8Offset, end = call.end.utf8Offset
        output.edits.append(TextEdit(offset: start, text: texts.opening, role: .open(length: end - start), sequence: context.sequence))
        output.edits.append(TextEdit(offset: end, text: texts.closing, role: .close(length: end - start), sequence: context.sequence))
        return output
    }

    /// The span's name: its template with the placeholders filled (the values are made only for a template that has
    /// one: a file may hold thousands of calls), or `Receiver.callee`.
    func spanName(_ span: SpanAdvice, rule: Rule) -> String {
        guard let template = span.name else { return site.receiverType.map { "\($0).\(site.callee)" } ?? site.callee }
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        let values = context.placeholders(
            rule: rule, type: site.enclosingTypes.last, function: site.enclosingFunction, signature: { [site] in site.signature },
            callee: site.callee, receiver: site.receiverType ?? site.receiver, line: site.location.line
        )
        return Placeholders.fill(template, values.callAsFunction)
    }
}

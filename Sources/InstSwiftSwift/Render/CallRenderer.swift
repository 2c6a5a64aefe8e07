import InstSwiftCore

/// Wraps a call expression in a span: `InstSwift.span("name") { instswiftSpan in try await call(...) }`, repeating
/// inside the closure the `try` and `await` written around the call; and passes its receiver through a `wrap-receiver`
/// function: `Proxy.traced(session).data(for: r)`.
struct CallRenderer {
    let site: CallSite
    let call: CallTarget
    let rules: [Rule]
    let context: RenderContext

    func render() -> BodyRenderer.Output {
        var output = BodyRenderer.Output()
        var opening = ""
        var closing = ""
        var receiverFunctions: [String] = []
        for rule in rules {
            for advice in rule.advice {
                switch advice {
                case .span(let span):
                    output.imports += context.runtimeImports
                    var arguments = [stringLiteral(spanName(span, rule: rule))]
                    if span.kind != .internal { arguments.append("kind: \(RenderContext.kind(span.kind))") }
                    let attributes = RenderContext.records(span.attributes, span: "instswiftSpan")
                    if !attributes.isEmpty { arguments.append("attributes: { instswiftSpan in \(attributes) }") }
                    // An awaited call in a `nonisolated(nonsending)` body stays on the caller's actor inside its span.
                    let nonsending =
                        call.underAwait
                        && call.enclosingIsolation?.spanBodyIsNonsending(byDefault: context.options.asyncFunctionsAreNonsendingByDefault) == true
                    let function = nonsending ? RuntimeFunction.span.nonsending : .span
                    opening += "\(function.call)(\(arguments.joined(separator: ", "))) { instswiftSpan in "
                    closing += " }"
                case .addImport(let module):
                    output.imports.append(module.module)
                case .wrapReceiver(let wrap):
                    if wrap.function.code.hasPrefix("InstSwift.") { output.imports += context.runtimeImports }
                    receiverFunctions.append(wrap.function.code)
                case .injectContext, .insert, .wrap, .declare:
                    continue  // declarations only (the rules loader refuses them here; `declare` is added per module)
                }
            }
        }
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
        guard !opening.isEmpty else { return output }
        var effects = ""
        if call.underTry { effects += "try " }
        if call.underAwait { effects += "await " }
        let start = call.start.utf8Offset, end = call.end.utf8Offset
        output.edits.append(TextEdit(offset: start, text: InjectedRegion.wrap(opening + effects), role: .open(length: end - start), sequence: context.sequence))
        output.edits.append(TextEdit(offset: end, text: InjectedRegion.wrap(closing), role: .close(length: end - start), sequence: context.sequence))
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

import InstSwiftCore

/// Wraps a call expression in a span: `InstSwift.span("name") { instswiftSpan in try await call(...) }`, repeating
/// inside the closure the `try` and `await` written around the call.
struct CallRenderer {
    let site: CallSite
    let call: CallTarget
    let rules: [Rule]
    let context: RenderContext

    func render() -> BodyRenderer.Output {
        var output = BodyRenderer.Output()
        var opening = ""
        var closing = ""
        for rule in rules {
            let values = context.placeholders(
                rule: rule, type: site.enclosingTypes.last, function: site.enclosingFunction, signature: site.signature,
                callee: site.callee, receiver: site.receiverType ?? site.receiver, line: site.location.line
            )
            for advice in rule.advice {
                switch advice {
                case .span(let span):
                    output.imports += context.runtimeImports
                    var arguments = [stringLiteral(Placeholders.fill(span.name ?? defaultName, values))]
                    if span.kind != .internal { arguments.append("kind: \(RenderContext.kind(span.kind))") }
                    let attributes = RenderContext.records(span.attributes, span: "instswiftSpan")
                    if !attributes.isEmpty { arguments.append("attributes: { instswiftSpan in \(attributes) }") }
                    opening += "InstSwift.span(\(arguments.joined(separator: ", "))) { instswiftSpan in "
                    closing += " }"
                case .addImport(let module):
                    output.imports.append(module.module)
                case .injectContext, .insert, .wrap, .declare:
                    continue
                }
            }
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

    var defaultName: String { site.receiverType.map { "\($0).{callee}" } ?? "{callee}" }
}

import InstSwiftCore
import SwiftSyntax

/// Renders the advice of every rule that applies to one body: spans (outermost first), then the statements the
/// innermost scope starts with (context injection, `before` templates, `after` templates as `defer`).
struct BodyRenderer {
    let site: DeclarationSite
    let body: BodyTarget
    let rules: [Rule]
    let context: RenderContext

    struct Output {
        var edits: [TextEdit] = []
        var imports: [String] = []
        var diagnostics = Diagnostics()
    }

    /// Attributes whose bodies are compiled into client modules.
    static let emittedIntoClients: Set<String> = ["inlinable", "_alwaysEmitIntoClient"]

    func render() -> Output {
        var output = Output()
        var opening = ""
        var closing = ""
        var statements: [String] = []
        for rule in rules {
            let values = context.placeholders(
                rule: rule, type: site.typeName, function: site.name, signature: { [site] in site.signature }, callee: nil, receiver: nil,
                line: site.location.line, directive: site.directive?.spanName
            )
            for advice in rule.advice {
                switch advice {
                case .span(let span):
                    output.imports += context.runtimeImports
                    if body.isInitializer {
                        statements += startedSpanStatements(span, rule: rule, values: values, index: statements.count)
                    } else {
                        opening += spanOpening(span, rule: rule, values: values) + " "
                        closing = "}" + closing
                    }
                case .injectContext(let inject):
                    output.imports += context.runtimeImports
                    statements += injectStatements(inject)
                case .insert(let template):
                    let names = parameterNames
                    let filled = Placeholders.fill(template.code.code) { values($0) ?? names[$0] }
                    if filled.contains(Placeholders.parameterOpening) {
                        output.diagnostics.warning(
                            "\(Site.declaration(site).displayName) has no named parameter for a '{\(Placeholders.parameterPrefix)...}' of this rule's template, "
                                + "so the template is left out here (a parameter named '_' cannot be referred to)",
                            at: site.location, rule: rule.id)
                        continue
                    }
                    // A template that calls the runtime's `InstSwift` API needs it as spans do.
                    if filled.contains("InstSwift.") { output.imports += context.runtimeImports }
                    statements.append(templateStatement(template, filled: filled))
                case .wrap(let wrap):
                    guard !body.isInitializer else {
                        output.diagnostics.error(
                            "'wrap' cannot apply to an initializer (its body cannot be a closure before 'self' is initialized); select functions with 'kinds: [function]'",
                            at: wrap.call.location, rule: rule.id
                        )
                        continue
                    }
                    // A call into the runtime's `InstSwift` API needs it as spans do; any other call is the rule's own.
                    if wrap.call.code.hasPrefix("InstSwift.") { output.imports += context.runtimeImports }
                    opening += wrapOpening(wrap, values: values) + " "
                    closing = "}" + closing
                case .addImport(let module):
                    output.imports.append(module.module)
                case .declare:
                    continue  // added once per module (see `SwiftFrontend.appendingDeclarations`)
                case .wrapReceiver:
                    continue  // call join points only (the rules loader refuses it elsewhere)
                }
            }
        }
        // A closure formed in a function with an `isolated` parameter is isolated to it only when it captures it: without
        // the capture the async body would run off the actor, leaving it free between the caller's steps (a service
        // lifecycle waiter's continuation was resumed before it was stored, and the wait never ended).
        if !closing.isEmpty, let isolated = site.capturedIsolatedParameter {
            statements.insert("_ = \(isolated)", at: 0)
        }
        // A `Void` body of one expression that holds a closure is a statement; alone in the span closure it would be that
        // closure's `Void` value, and a generic call in it would have to return `Void` ("conflicting arguments to
        // generic parameter 'T' ('Void' vs. 'Int')", swift-nio-extras 1.35's tests). A statement before it keeps it one.
        if !closing.isEmpty, statements.isEmpty, site.returnType == nil, !body.isInitializer, body.statements.count == 1,
            let only = body.statements.first?.item.as(ExprSyntax.self), only.description.contains("{")
        {
            statements.append("_ = ()")
        }
        // An inlinable body may only use types of modules its file imports, and the span closure's parameter is a
        // swift-distributed-tracing `Span`.
        if output.imports.contains(context.options.runtimeModule), site.attributes.contains(where: Self.emittedIntoClients.contains) {
            output.imports.append("Tracing")
        }
        let start = body.afterOpenBrace.utf8Offset
        let end = body.closeBrace.utf8Offset
        let sequence = context.sequence
        var text = opening
        for statement in statements { text += statement.hasSuffix("\n") ? statement : statement + "; " }
        if !text.isEmpty {
            // Statements alone open no region: nothing closes them.
            let role: TextEdit.Role = closing.isEmpty ? .standalone : .open(length: end - start)
            output.edits.append(TextEdit(offset: start, text: InjectedRegion.wrap(" " + text), role: role, sequence: sequence))
        }
        if !statements.isEmpty {
            for position in body.implicitReturns {
                output.edits.append(
                    TextEdit(offset: position.utf8Offset, text: InjectedRegion.wrap("return "), role: .standalone, sequence: sequence + 1))
            }
        }
        if !closing.isEmpty {
            output.edits.append(TextEdit(offset: end, text: InjectedRegion.wrap(closing), role: .close(length: end - start), sequence: sequence))
            if body.mayReturnModifierWord { output.edits += ReturnedModifierWords.edits(in: body.statements, sequence: sequence) }
            if site.throwing == .typed, let thrownType = site.thrownType {
                output.edits += TypedDoCatch.edits(in: body.statements, thrownType: thrownType, sequence: sequence)
            }
        }
        return output
    }

    // MARK: Spans

    /// `return try await InstSwift.span("name", ...) { instswiftSpan in` for a body that can be a closure.
    func spanOpening(_ span: SpanAdvice, rule: Rule, values: PlaceholderValues) -> String {
        let streaming = span.ending == .stream
        let function: RuntimeFunction = streaming ? .streamSpan : site.throwing == .rethrows ? .rethrowingSpan : .span
        var arguments = [stringLiteral(spanName(span, values: values))]
        if span.kind != .internal { arguments.append("kind: \(RenderContext.kind(span.kind))") }
        if let extract = span.extractContext { arguments.append("context: \(RuntimeFunction.extract.call)(from: \(extract.code))") }
        if let unless = span.unless, !streaming { arguments.append("enabled: !(\(unless.code))") }
        let attributes = RenderContext.records(span.attributes + directiveAttributes(rule), span: "instswiftSpan")
        if !attributes.isEmpty { arguments.append("attributes: { instswiftSpan in \(attributes) }") }
        let rename = span.rename.map { "\(RuntimeFunction.rename.call)(instswiftSpan, \($0.code))" }
        if !span.resultAttributes.isEmpty || rename != nil {
            let records = RenderContext.records(span.resultAttributes, span: "instswiftSpan", values: ["$result": "instswiftResult"])
            arguments.append("onResult: { instswiftSpan, instswiftResult in \(Self.hookBody(records, rename)) }")
        }
        // A function that cannot throw gets no error hook (its `Never` parameter would make the hook unreachable code).
        if !span.errorAttributes.isEmpty || rename != nil, !streaming, site.throwing != .rethrows, site.throwing != .none {
            let records = RenderContext.records(span.errorAttributes, span: "instswiftSpan", values: ["$error": "instswiftError"])
            arguments.append("onError: { instswiftSpan, instswiftError in \(Self.hookBody(records, rename)) }")
        }
        if streaming {
            var observation: [String] = []
            if !span.elementAttributes.isEmpty {
                let records = RenderContext.records(span.elementAttributes, span: "instswiftSpan", values: ["$element": "instswiftElement"])
                observation.append("onElement: { instswiftSpan, instswiftElement in \(records) }")
            }
            if let key = span.firstElementTimeAttribute { observation.append("firstElementTimeAttribute: \(stringLiteral(key))") }
            if let key = span.elementCountAttribute { observation.append("elementCountAttribute: \(stringLiteral(key))") }
            if !observation.isEmpty { arguments.append("observing: StreamObservation(\(observation.joined(separator: ", ")))") }
        }
        // A span with nothing but its name goes through the lean entry points (see `InstSwift.syncSpan`).
        var plainFunction: RuntimeFunction = function == .span && arguments.count == 1 ? (site.isAsync ? .asyncSpan : .syncSpan) : function
        if site.isAsync, body.isolation.spanBodyIsNonsending(byDefault: context.options.asyncFunctionsAreNonsendingByDefault) {
            plainFunction = plainFunction.nonsending
        }
        return "return \(callEffects)\(plainFunction.call)(\(arguments.joined(separator: ", "))) { \(closureSignature(parameter: "instswiftSpan")) in"
    }

    /// `try` and `await` as the declaration's effects need them before a call that runs its body.
    var callEffects: String {
        var effects = ""
        if site.throwing != .none { effects += "try " }
        if site.isAsync { effects += "await " }
        return effects
    }

    // MARK: Wrap

    /// `return try await Observer.observe(request) { () async throws -> R in`: the body becomes the call's trailing closure.
    func wrapOpening(_ wrap: WrapAdvice, values: PlaceholderValues) -> String {
        "return \(callEffects)\(Placeholders.fill(wrap.call.code, values.callAsFunction)) { \(closureSignature(parameter: "()")) in"
    }

    /// A result or error hook: the attribute records, then the rename, whichever there are.
    static func hookBody(_ records: String, _ rename: String?) -> String {
        ([records] + [rename].compactMap { $0 }).filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// The closure states the declaration's effects, so the right overload is chosen even when the body does not
    /// (yet) await or throw, and no "no 'async' operations occur within 'await'" warning appears. It also states the
    /// result type when the declaration spells one that a closure can: with the closure's whole type known, the
    /// compiler checks the body once instead of inferring through it (type-checking swift-algorithms with every
    /// function traced took 1.8x as long without it).
    func closureSignature(parameter: String) -> String {
        var effects: [String] = []
        if site.isAsync { effects.append("async") }
        switch site.throwing {
        // Said outright: a closure that holds a `try` (even one inside an autoclosure argument, as in
        // `XCTAssertThrowsError(try f())`) is otherwise inferred to throw, which a non-throwing function cannot.
        case .none: effects.append("throws(Never)")
        // A `rethrows` body throws only what its closure parameters throw; `rethrowingSpan` rethrows it.
        case .throws, .rethrows: effects.append("throws")
        case .typed: effects.append("throws(\(site.thrownType ?? "any Error"))")
        }
        if let result = spellableResultType { effects.append("-> \(result)") }
        return "\(parameter.hasPrefix("(") ? parameter : "(\(parameter))") \(effects.joined(separator: " "))"
    }

    /// The declared result type (`Void` when none), unless it is one a closure cannot state: an opaque `some P`, a
    /// dynamic `Self`, an implicitly unwrapped optional, or one that may mean another type inside the body
    /// (``ShadowedResultTypes``); the closure's result is then inferred from the `return` it is the value of.
    var spellableResultType: String? {
        guard let written = site.returnType else { return "Void" }
        if body.resultTypeMayBeShadowed { return nil }
        if written.hasSuffix("!") { return nil }
        // Words are split only for a type whose bytes hold either word (few do; this runs once per instrumented body).
        if containsBytes(written, "some") || containsBytes(written, "Self") {
            let words = typeIdentifiers(written)
            if words.contains("some") || words.contains("Self") { return nil }
        }
        return written
    }

    /// For initializers: a span started and ended by `defer`, since `self` cannot be captured before it is initialized.
    func startedSpanStatements(_ span: SpanAdvice, rule: Rule, values: PlaceholderValues, index: Int) -> [String] {
        let name = index == 0 ? "instswiftSpan" : "instswiftSpan\(index)"
        var arguments = [stringLiteral(spanName(span, values: values))]
        if span.kind != .internal { arguments.append("kind: \(RenderContext.kind(span.kind))") }
        if let extract = span.extractContext { arguments.append("context: \(RuntimeFunction.extract.call)(from: \(extract.code))") }
        let attributes = RenderContext.records(span.attributes + directiveAttributes(rule), span: "instswiftSpan")
        if !attributes.isEmpty { arguments.append("attributes: { instswiftSpan in \(attributes) }") }
        return [
            "let \(name) = \(RuntimeFunction.startSpan.call)(\(arguments.joined(separator: ", ")))",
            "defer { \(RuntimeFunction.end.call)(\(name)) }",
        ]
    }

    func spanName(_ span: SpanAdvice, values: PlaceholderValues) -> String {
        if let name = site.directive?.spanName, site.directive?.verb == "span" { return name }
        return Placeholders.fill(span.name ?? (site.typeName == nil ? "{function}" : "{type}.{function}"), values.callAsFunction)
    }

    /// `key=expression` pairs written in a `// instswift:span` comment, for rules that select that directive.
    func directiveAttributes(_ rule: Rule) -> [AttributeBinding] {
        guard case .directive(let pattern) = rule.joinPoint, let directive = site.directive, directive.verb == pattern.verb else {
            return []
        }
        return directive.attributes.sorted { $0.key < $1.key }.map {
            AttributeBinding(key: $0.key, value: CodeSnippet($0.value, at: site.location))
        }
    }

    // MARK: Context injection

    /// `var request = request; InstSwift.inject(into: &request.headers)`: a parameter that is not `inout` is shadowed
    /// by a mutable copy so the body sends the headers.
    func injectStatements(_ inject: InjectContextAdvice) -> [String] {
        var statements: [String] = []
        let root = inject.rootName
        if let parameter = site.parameters.first(where: { $0.name == root }), !parameter.isInout {
            statements.append("var \(root) = \(root)")
        }
        statements.append("\(RuntimeFunction.inject.call)(into: &\(inject.into.code))")
        return statements
    }

    // MARK: Templates

    /// `{parameter:LABEL}` placeholder values: the body's name for each labelled parameter that has one (the first, when
    /// two share a label).
    var parameterNames: [String: String] {
        var names: [String: String] = [:]
        for parameter in site.parameters where parameter.label != "_" && parameter.name != "_" {
            let key = Placeholders.parameterKey(parameter.label)
            if names[key] == nil { names[key] = parameter.name }
        }
        return names
    }

    /// A `before` template (placeholders `filled`) as written, an `after` one inside `defer`. A template of several
    /// lines is framed by `#sourceLocation` so errors in it point into the rules file and the user's lines keep their
    /// numbers.
    func templateStatement(_ template: TemplateAdvice, filled: String) -> String {
        let code = Placeholders.substitute(filled, bindings: ["$span": "instswiftSpan"])
            .trimmingCharacters(in: .newlines)
        let statement = template.position == .before ? code : "defer { \(code) }"
        guard statement.contains("\n") else { return statement }
        return "\n#sourceLocation(file: \(stringLiteral(template.code.location.file)), line: \(template.code.location.line))\n"
            + statement + "\n#sourceLocation(file: \(stringLiteral(context.file.path)), line: \(body.line))\n"
    }
}

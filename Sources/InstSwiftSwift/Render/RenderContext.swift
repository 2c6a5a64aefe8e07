import InstSwiftCore

/// What every renderer needs to know about the file.
struct RenderContext {
    var file: FileContext
    var options: RewriteOptions
    /// Base for edit sequence numbers, so rule order decides nesting.
    var sequence: Int

    /// Values of `{placeholders}`, each made when a template asks for it.
    func placeholders(
        rule: Rule, type: String?, function: String?, signature: @escaping () -> String?, callee: String?, receiver: String?, line: Int,
        directive: String? = nil
    ) -> PlaceholderValues {
        PlaceholderValues(
            file: file, rule: rule, type: type, function: function, signature: signature, callee: callee, receiver: receiver, line: line,
            directive: directive)
    }

    /// `InstSwift.record(...)` statements for attribute bindings, with `$bindings` replaced.
    static func records(_ bindings: [AttributeBinding], span: String, values: [String: String] = [:]) -> String {
        bindings.map { binding in
            let expression = Placeholders.substitute(binding.value.code, bindings: values)
            return "\(RuntimeFunction.record.call)(\(stringLiteral(binding.key)), \(expression), on: \(span))"
        }.joined(separator: "; ")
    }

    static func kind(_ kind: SpanAdvice.Kind) -> String { ".\(kind.rawValue)" }

    /// What injected runtime calls need imported: the runtime module, or nothing when the module reaches the runtime
    /// at link time (the support code is part of the module).
    var runtimeImports: [String] {
        options.runtimeAccess == .importing ? [options.runtimeModule] : []
    }
}

/// The values of one site's `{placeholders}` (``Placeholders/names``), made on demand: most templates name one or two, and
/// a file may hold thousands of sites.
struct PlaceholderValues {
    let file: FileContext
    let rule: Rule
    let type, function: String?
    let signature: () -> String?
    let callee, receiver: String?
    let line: Int
    let directive: String?

    /// The value of the placeholder `name`; nil for one that is not known.
    func callAsFunction(_ name: String) -> String? {
        switch name {
        case "module": file.module ?? ""
        case "type": type ?? ""
        case "function": function ?? ""
        case "signature": signature() ?? ""
        case "callee": callee ?? ""
        case "receiver": receiver ?? ""
        case "file": file.path.split(separator: "/").last.map(String.init) ?? file.path
        case "line": String(line)
        case "rule": rule.id
        case "directive": directive ?? function ?? ""
        default: nil
        }
    }
}

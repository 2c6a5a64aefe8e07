import InstSwiftCore

/// What every renderer needs to know about the file.
struct RenderContext {
    var file: FileContext
    var options: RewriteOptions
    /// Base for edit sequence numbers, so rule order decides nesting.
    var sequence: Int

    /// Values of `{placeholders}`.
    func placeholders(
        rule: Rule, type: String?, function: String?, signature: String?, callee: String?, receiver: String?, line: Int,
        directive: String? = nil
    ) -> [String: String] {
        [
            "module": file.module ?? "", "type": type ?? "", "function": function ?? "", "signature": signature ?? "",
            "callee": callee ?? "", "receiver": receiver ?? "", "file": file.path.split(separator: "/").last.map(String.init) ?? file.path,
            "line": String(line), "rule": rule.id, "directive": directive ?? function ?? "",
        ]
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

import InstSwiftCore

/// Declarations that cannot be wrapped safely, each with the reason `explain` prints.
enum Unsupported {

    static func reason(for site: DeclarationSite) -> String? {
        if let builder = site.attributes.first(where: { $0.hasSuffix("Builder") }) {
            return "a result-builder body (@\(builder)) cannot be wrapped in a span"
        }
        // `@inlinable` and `@_alwaysEmitIntoClient` bodies are instrumented: the span calls public runtime API, and
        // SwiftPM links a library's dependencies (the runtime) into every client that inlines them.
        if site.attributes.contains("_transparent") {
            return "a @_transparent body is inlined into every caller, even in debug builds, and must stay a bare expression of its operands"
        }
        if site.enclosingInherits.contains("~Copyable") || site.parameters.contains(where: { $0.type.contains("~Copyable") }) {
            return "a ~Copyable value cannot be captured by the span closure"
        }
        if site.modifiers.contains("consuming"), site.enclosingInherits.contains(where: { $0.contains("Copyable") }) {
            return "a consuming method of a non-copyable type cannot be wrapped"
        }
        return nil
    }
}

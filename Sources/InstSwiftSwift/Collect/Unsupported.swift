import InstSwiftCore

/// Declarations that cannot be wrapped safely, each with the reason `explain` prints.
enum Unsupported {

    /// `noncopyable`: the names of the types that are not `Copyable` or not `Escapable` (``NoncopyableTypes``).
    static func reason(for site: DeclarationSite, noncopyable: Set<String>) -> String? {
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
        if site.modifiers.contains("consuming"),
            site.enclosingInherits.contains(where: { $0.contains("Copyable") }) || site.enclosingTypes.last.map(noncopyable.contains) == true
        {
            return "a consuming method of a non-copyable type cannot be wrapped"
        }
        if let lifetime = site.attributes.first(where: { $0 == "_lifetime" || $0 == "lifetime" }) {
            return "a result with a lifetime dependence (@\(lifetime)) cannot be returned from the span closure"
        }
        if let result = site.returnType, NoncopyableTypes.mentions(result, anyOf: noncopyable) {
            return "its result type '\(result)' is ~Copyable or ~Escapable, and cannot be returned from the span closure"
        }
        if let parameter = site.parameters.first(where: { $0.type.hasPrefix("consuming ") && NoncopyableTypes.mentions($0.type, anyOf: noncopyable) }) {
            return "the consuming parameter '\(parameter.name): \(parameter.type)' of a non-copyable type cannot be consumed inside the span closure"
        }
        return nil
    }
}

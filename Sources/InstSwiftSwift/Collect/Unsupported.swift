import InstSwiftCore

/// Declarations that cannot be wrapped safely, each with the reason `explain` prints.
enum Unsupported {
    static let inlinableAttributes = ["inlinable", "_transparent", "_alwaysEmitIntoClient"]

    static func reason(for site: DeclarationSite) -> String? {
        if let builder = site.attributes.first(where: { $0.hasSuffix("Builder") }) {
            return "a result-builder body (@\(builder)) cannot be wrapped in a span"
        }
        if let attribute = site.attributes.first(where: inlinableAttributes.contains) {
            return "an @\(attribute) body is emitted into client modules, which may not link the runtime"
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

import InstSwiftCore

/// Types marked `@resultBuilder`. A body its attribute builds (`@TypeDefinitions var types: Types { ... }`) is a list of
/// components, not statements, and cannot be wrapped in a span; the attribute is the type's name, which may be any name
/// (GraphQLSwift/Graphiti's `TypeDefinitions`, `FieldDefinitions`), so the names come from declarations.
public enum ResultBuilderTypes {
    /// The result builders `text` declares: a textual scan, cheap enough to run on every file of a module.
    public static func declared(in text: String) -> Set<String> {
        guard containsBytes(text, "@resultBuilder") else { return [] }
        let declaration =
            /@resultBuilder\s+(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private|final|open|indirect)\s+)*(?:struct|enum|class|actor)\s+([A-Za-z_][A-Za-z0-9_]*)/
        return Set(text.matches(of: declaration).map { String($0.output.1) })
    }

    /// The type aliases `text` declares of one of `builders` (Graphiti: `typealias TypeDefinitions =
    /// TypeComponentBuilder<Resolver, Context>`): the alias is the attribute code writes.
    public static func aliases(in text: String, of builders: Set<String>) -> Set<String> {
        guard !builders.isEmpty, containsBytes(text, "typealias") else { return [] }
        let alias = /\btypealias\s+([A-Za-z_][A-Za-z0-9_]*)(?:<[^>=]*>)?\s*=\s*(?:[A-Za-z_][A-Za-z0-9_]*\.)*([A-Za-z_][A-Za-z0-9_]*)/
        return Set(text.matches(of: alias).filter { builders.contains(String($0.output.2)) }.map { String($0.output.1) })
    }
}

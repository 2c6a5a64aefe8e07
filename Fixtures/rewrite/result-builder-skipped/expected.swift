/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/@resultBuilder
enum ListBuilder {
    static func buildBlock(_ parts: String...) -> [String] {/*<instswift>*/ return InstSwift.syncSpan("ListBuilder.buildBlock") { (instswiftSpan) throws(Never) -> [String] in /*</instswift>*/ parts /*<instswift>*/}/*</instswift>*/}
}

@ListBuilder
func names() -> [String] {
    "a"
    "b"
}

// Reduced from GraphQLSwift/Graphiti 3.1.0: a result builder's attribute may have any name.
@resultBuilder
public struct TypeDefinitions {
    public static func buildBlock(_ parts: Int...) -> [Int] {/*<instswift>*/ return InstSwift.syncSpan("TypeDefinitions.buildBlock") { (instswiftSpan) throws(Never) -> [Int] in /*</instswift>*/ parts /*<instswift>*/}/*</instswift>*/}
}

class Schema {
    @TypeDefinitions
    var types: [Int] {
        1
        2
    }
}

// Graphiti again: the attribute is an alias of a builder.
@resultBuilder
public struct ComponentBuilder<Resolver> {
    public static func buildBlock(_ parts: Int...) -> [Int] {/*<instswift>*/ return InstSwift.syncSpan("ComponentBuilder.buildBlock") { (instswiftSpan) throws(Never) -> [Int] in /*</instswift>*/ parts /*<instswift>*/}/*</instswift>*/}
}

class PartialSchema<Resolver> {
    typealias FieldDefinitions = ComponentBuilder<Resolver>

    @FieldDefinitions
    var fields: [Int] {
        3
        4
    }
}

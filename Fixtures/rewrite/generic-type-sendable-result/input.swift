// Reduced from Graphiti 3.1.0: `Component` requires Sendable parameters, `ComponentBuilder`'s are not; Swift 6 lets the
// signatures through but checks the requirement on the span closure's result type.
open class Component<Resolver: Sendable, Context: Sendable> {
    init() {}
}

public enum ComponentBuilder<Resolver, Context> {
    public static func buildExpression(_ component: Component<Resolver, Context>) -> Component<Resolver, Context> {
        component
    }

    public static func buildBlock(_ components: Component<Resolver, Context>...) -> [Component<Resolver, Context>] {
        components
    }

    // Instrumented: the standard library's generics need no Sendable parameters; a method's own parameters are inferred.
    public static func names(_ components: [String]) -> [String] {
        components
    }

    public static func wrap<Other: Sendable>(_ value: Other) -> Component<Other, Other>? {
        nil
    }
}

public struct SendableBuilder<Resolver: Sendable, Context> where Context: Sendable {
    // Instrumented: both parameters are Sendable.
    public func build(_ component: Component<Resolver, Context>) -> Component<Resolver, Context> {
        component
    }
}

// Reduced from swift-property-based 1.0: an extension names no parameters; the type's are found by a scan of the
// module's declarations. Left alone.
extension ComponentBuilder {
    public static func lift(_ component: Component<Resolver, Context>) -> Component<Resolver, Context> {
        component
    }
}

// Instrumented: the extension's `where` clause requires both to be Sendable.
extension ComponentBuilder where Resolver: Sendable, Context: Sendable {
    public static func lifted(_ component: Component<Resolver, Context>) -> Component<Resolver, Context> {
        component
    }
}

import InstSwiftCore

/// Declarations that cannot be wrapped safely, each with the reason `explain` prints.
enum Unsupported {

    /// Result builders and `@_transparent` take no edit; the rest are what a span closure cannot hold. `noncopyable`: the names of the types that are not `Copyable` or not `Escapable` (``NoncopyableTypes``);
    /// `resultBuilders`: the result builders known to be declared (``ResultBuilderTypes``).
    static func construct(for site: DeclarationSite, noncopyable: Set<String>, resultBuilders: Set<String> = []) -> UnsupportedConstruct? {
        let isBuilder = { (name: String) in name.hasSuffix("Builder") || !resultBuilders.isEmpty && resultBuilders.contains(lastComponent(of: name)) }
        if let builder = site.attributes.first(where: isBuilder) {
            return .everyEdit("a result-builder body (@\(builder)) takes no span and no statement (a statement would be one of its components)")
        }
        // `@inlinable` and `@_alwaysEmitIntoClient` bodies are instrumented: the span calls public runtime API, and
        // SwiftPM links a library's dependencies (the runtime) into every client that inlines them.
        if site.attributes.contains("_transparent") {
            return .everyEdit("a @_transparent body is inlined into every caller, even in debug builds, and must stay a bare expression of its operands")
        }
        if site.enclosingInherits.contains("~Copyable") || site.parameters.contains(where: { Self.suppressesCopyable($0.type) }) {
            return .closures("a ~Copyable value cannot be captured by the span closure")
        }
        let ownTypeIsNoncopyable = NoncopyableTypes.isOwnType(of: site, in: noncopyable)
        if site.modifiers.contains("consuming"), site.enclosingInherits.contains(where: { $0.contains("Copyable") }) || ownTypeIsNoncopyable {
            return .closures("a consuming method of a non-copyable type cannot be wrapped")
        }
        // A closure's capture makes a value no longer disconnected from the caller's region.
        if let parameter = site.parameters.first(where: { $0.type.hasPrefix("sending ") }) {
            return .closures(
                "the 'sending' parameter '\(parameter.name)' would be captured by the span closure, and a captured value is no longer disconnected")
        }
        if let result = site.returnType, result.hasPrefix("sending ") {
            return .closures("a 'sending' result cannot be returned through the span closure, whose result is not 'sending'")
        }
        // A generic type over a pack may be an alias of such a function type (xctest-dynamic-overlay's
        // `_UnimplementedAsyncClosure<repeat each Argument, Result>`); only a tuple of a pack is known to be fine.
        if let result = site.returnType, result.utf8.contains(UInt8(ascii: ">")), result.contains("repeat ") {
            return .closures(
                "its result type '\(result)' may be a function type over a parameter pack, which the span closure's generic result cannot abstract")
        }
        // `return { visitor in ... }` takes its typed `throws` from the result type in a function body, but inside another
        // closure it is inferred to throw `any Error` (Swift 6.3; WasmKit 0.4.2's `parseTextInstruction`).
        if let result = site.returnType, result.utf8.contains(UInt8(ascii: "(")), result.contains("throws(") {
            return .closures(
                "its result type '\(result)' is a function that throws a typed error, and a closure returned from inside the span closure is inferred to throw 'any Error'"
            )
        }
        if let lifetime = site.attributes.first(where: { $0 == "_lifetime" || $0 == "lifetime" }) {
            return .closures("a result with a lifetime dependence (@\(lifetime)) cannot be returned from the span closure")
        }
        if let result = site.returnType,
            NoncopyableTypes.mentions(result, anyOf: noncopyable) || (ownTypeIsNoncopyable && NoncopyableTypes.mentions(result, anyOf: ["Self"]))
        {
            return .closures("its result type '\(result)' is ~Copyable or ~Escapable, and cannot be returned from the span closure")
        }
        if let parameter = site.parameters.first(where: { $0.type.hasPrefix("consuming ") && NoncopyableTypes.mentions($0.type, anyOf: noncopyable) }) {
            return .closures("the consuming parameter '\(parameter.name): \(parameter.type)' of a non-copyable type cannot be consumed inside the span closure")
        }
        return OwnershipSpecifiers.unsupportedReason(for: site, noncopyable: noncopyable, ownTypeIsNoncopyable: ownTypeIsNoncopyable).map(
            UnsupportedConstruct.closures)
    }

    /// Whether a type spells `~Copyable`: a byte scan for `~` first, as nearly no type has one.
    static func suppressesCopyable(_ type: String) -> Bool {
        type.utf8.contains(UInt8(ascii: "~")) && type.contains("~Copyable")
    }
}

import InstSwiftCore

/// `borrowing` and `consuming` on copyable values, which a closure's capture changes (measured, Swift 6.3, both language
/// modes): such values are not implicitly copyable, and the span closure captures a `borrowing` parameter (or a
/// `borrowing` method's `self`) by copy — refused outright for many types (enums, optionals, existentials, generic
/// parameters) — and a `consuming` one by reference, so a body that consumes it (returns it, hands it to a consuming
/// parameter, calls a consuming method of it) no longer compiles: "missing reinitialization of inout parameter after
/// consume" (hummingbird 2.28's `ResponseBody.write(_ writer: consuming any ResponseBodyWriter)`). Which types and uses
/// compile is not in the syntax, so every such declaration is left alone. Non-copyable values are ``Unsupported``'s.
enum OwnershipSpecifiers {
    /// `ownTypeIsNoncopyable`: whether the declaration belongs to a non-copyable type (``NoncopyableTypes/isOwnType(of:in:)``).
    static func unsupportedReason(for site: DeclarationSite, noncopyable: Set<String>, ownTypeIsNoncopyable: Bool) -> String? {
        if let specifier = site.modifiers.first(where: { $0 == "borrowing" || $0 == "consuming" }), !ownTypeIsNoncopyable {
            return specifier == "borrowing" ? borrowed("the borrowing 'self' of this method") : consumed("the consuming 'self' of this method")
        }
        // The specifier first: few parameters have one, and `mentions` reads every word of the type.
        for parameter in site.parameters {
            let borrowing = parameter.type.hasPrefix("borrowing ")
            guard borrowing || parameter.type.hasPrefix("consuming "), !NoncopyableTypes.mentions(parameter.type, anyOf: noncopyable) else { continue }
            return borrowing
                ? borrowed("the borrowing parameter '\(parameter.name): \(parameter.type)'")
                : consumed("the consuming parameter '\(parameter.name): \(parameter.type)'")
        }
        return nil
    }

    static func borrowed(_ value: String) -> String {
        "the span closure would have to copy \(value) to capture it, which 'borrowing' forbids for a copyable type"
    }

    static func consumed(_ value: String) -> String {
        "the span closure would capture \(value) by reference, and a body that consumes it does not compile there"
    }
}

import SwiftSyntax

/// How a declaration writes the isolation of its async body (SE-0461), which decides the span entry its body goes
/// through: a `nonisolated(nonsending)` function runs on its caller's actor, and its span closure must be declared to
/// (the runtime's `nonsending` entries); a plain `async` closure parameter would run the body on the global executor.
enum AsyncBodyIsolation: Equatable {
    /// Neither: the module's default decides (`NonisolatedNonsendingByDefault`).
    case unwritten
    /// `nonisolated(nonsending)`.
    case nonsending
    /// `@concurrent`.
    case concurrent

    init(attributes: some Sequence<AttributeListSyntax.Element>, modifiers: DeclModifierListSyntax) {
        if modifiers.contains(where: { $0.name.tokenKind == .keyword(.nonisolated) && $0.detail?.detail.text == "nonsending" }) {
            self = .nonsending
        } else if attributes.contains(where: Self.isConcurrent) {
            self = .concurrent
        } else {
            self = .unwritten
        }
    }

    /// `@concurrent`, also inside `#if` (swift-dependencies writes it under `#if compiler(>=6.2)`; in any clause it is
    /// taken as written, as only a compiler that knows the attribute would see it there).
    static func isConcurrent(_ element: AttributeListSyntax.Element) -> Bool {
        switch element {
        case .attribute(let attribute): attribute.attributeName.trimmedDescription == "concurrent"
        case .ifConfigDecl(let condition):
            condition.clauses.contains { clause in
                guard case .attributes(let attributes)? = clause.elements else { return false }
                return attributes.contains(where: isConcurrent)
            }
        }
    }

    /// Whether the body's span takes a `nonisolated(nonsending)` closure. Under `NonisolatedNonsendingByDefault` every
    /// async function not marked `@concurrent` does: a nonisolated one runs on its caller's actor, and an isolated one
    /// (an actor's method, a global actor's function) runs on its actor either way, as the span runs there too.
    func spanBodyIsNonsending(byDefault: Bool) -> Bool {
        switch self {
        case .nonsending: true
        case .concurrent: false
        case .unwritten: byDefault
        }
    }
}

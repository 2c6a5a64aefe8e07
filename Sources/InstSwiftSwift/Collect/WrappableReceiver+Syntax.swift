import SwiftSyntax

extension WrappableReceiver {
    /// A receiver a function can take: a value, or an optional the call unwraps (`session?`, `session!`). Not `super`
    /// or a type (`Client.make(...)`, `Self`).
    init?(_ base: ExprSyntax) {
        if let optional = base.as(OptionalChainingExprSyntax.self) {
            guard let value = Self.wrappableValue(optional.expression) else { return nil }
            self = .optional(end: value.upperBound)
            return
        }
        if let forced = base.as(ForceUnwrapExprSyntax.self) {
            guard let value = Self.wrappableValue(forced.expression) else { return nil }
            self = .optional(end: value.upperBound)
            return
        }
        guard let value = Self.wrappableValue(base) else { return nil }
        self = .value(value)
    }

    private static func wrappableValue(_ base: ExprSyntax) -> Range<AbsolutePosition>? {
        if base.is(SuperExprSyntax.self) || base.is(OptionalChainingExprSyntax.self) || base.is(ForceUnwrapExprSyntax.self)
            || base.is(GenericSpecializationExprSyntax.self) || base.is(TypeExprSyntax.self)
        {
            return nil
        }
        let lastName = base.as(DeclReferenceExprSyntax.self)?.baseName.text ?? base.as(MemberAccessExprSyntax.self)?.declName.baseName.text
        if let lastName, lastName.first?.isUppercase == true || lastName == "Type" || lastName == "self" && base.is(MemberAccessExprSyntax.self) {
            return nil
        }
        return base.positionAfterSkippingLeadingTrivia..<base.endPositionBeforeTrailingTrivia
    }
}

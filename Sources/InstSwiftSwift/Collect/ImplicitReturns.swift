import SwiftSyntax

/// The expressions a body's value is when the body has no `return`: its one expression, or, when its one statement is
/// a `#if`, the one expression of each clause that is one (nested `#if`s too: swift-dependencies' `withDependencies`
/// is `#if DEBUG <call> #else <statements ending in a return> #endif`). Once advice puts statements before them, each
/// needs its `return`.
enum ImplicitReturns {
    /// Where `return ` goes: before each such expression, except calls that never return (`return fatalError()` does
    /// not compile where a value is expected, and the call alone still ends the body). Nil when the body is not one
    /// expression this way.
    static func positions(in statements: CodeBlockItemListSyntax) -> [AbsolutePosition]? {
        guard statements.count == 1, let item = statements.first?.item else { return nil }
        if let expression = item.as(ExprSyntax.self) {
            return neverReturns(expression) ? [] : [expression.positionAfterSkippingLeadingTrivia]
        }
        guard let condition = item.as(IfConfigDeclSyntax.self) else { return nil }
        // A clause of several statements writes its own `return`s (swift-dependencies' `#else`).
        return condition.clauses.flatMap { clause -> [AbsolutePosition] in
            guard case .statements(let inner)? = clause.elements else { return [] }
            return Self.positions(in: inner) ?? []
        }
    }

    /// Standard library functions that return `Never`.
    static let neverReturningFunctions: Set<String> = ["fatalError", "preconditionFailure", "abort", "exit"]

    static func neverReturns(_ expression: ExprSyntax) -> Bool {
        guard let call = expression.as(FunctionCallExprSyntax.self),
            let callee = call.calledExpression.as(DeclReferenceExprSyntax.self)
        else { return false }
        return neverReturningFunctions.contains(callee.baseName.text)
    }
}

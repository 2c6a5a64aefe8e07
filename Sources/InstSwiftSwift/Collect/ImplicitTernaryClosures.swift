import InstSwiftCore
import SwiftSyntax

/// A closure whose whole value is a conditional expression, as the value of a variable whose declared type gives its
/// result type (`let toAny: (Int64) -> Any = { is64Bit ? Int($0) : $0 }`): in a function body the compiler converts each
/// branch to that type; inside another closure it first joins the branches, and different branch types no longer
/// compile (Swift 6.3; found by the corpus in Yams 6.2.2's ConstructorTests). A body with such a closure is left alone,
/// with this reason — unless both branches are literals of one kind, which always join.
enum ImplicitTernaryClosures {
    static let questionMark = Array("?".utf8)
    static let closureValues = [Array("= {".utf8), Array("={".utf8)]

    /// Why a body cannot be wrapped in a span closure for such a closure, if it cannot (`bytes`: the body's text; only
    /// bodies that write a `?` and a closure as a variable's value are walked, as optionals put a `?` in most).
    static func unsupportedReason(_ statements: CodeBlockItemListSyntax, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard containsBytes(bytes, questionMark), closureValues.contains(where: { containsBytes(bytes, $0) }) else { return nil }
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(statements)
        guard let expression = finder.found else { return nil }
        return "a closure whose value is the conditional expression '\(expression.prefix(80))' joins its branches to one "
            + "type inside the span closure instead of converting each to the closure's result type"
    }

    private final class Finder: SyntaxVisitor {
        var found: String?

        override func visit(_ node: PatternBindingSyntax) -> SyntaxVisitorContinueKind {
            // A closure that states its result type converts each branch to it, wherever it is.
            if found == nil, node.typeAnnotation != nil, let closure = node.initializer?.value.as(ClosureExprSyntax.self),
                closure.signature?.returnClause == nil, closure.statements.count == 1,
                let expression = closure.statements.first?.item.as(ExprSyntax.self), let branches = Self.branches(of: expression),
                !Self.joinAlways(branches)
            {
                found = expression.trimmedDescription
            }
            return .visitChildren
        }

        // Inside a closure of the body such a closure fails to compile already: only the body's own statements count.
        override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

        /// The two branches of a conditional expression (the parser leaves `a ? b : c` unfolded, in a sequence whose
        /// else branch is everything after the `? b :`), or nil when the expression is not one.
        static func branches(of expression: ExprSyntax) -> (then: ExprSyntax, else: [ExprSyntax])? {
            if let ternary = expression.as(TernaryExprSyntax.self) { return (ternary.thenExpression, [ternary.elseExpression]) }
            guard let elements = expression.as(SequenceExprSyntax.self)?.elements,
                let index = elements.firstIndex(where: { $0.is(UnresolvedTernaryExprSyntax.self) }),
                let then = elements[index].as(UnresolvedTernaryExprSyntax.self)?.thenExpression
            else { return nil }
            return (then, Array(elements[elements.index(after: index)...]))
        }

        /// Both branches are literals of one kind (`c ? 1 : 0`, `c ? "a" : "b"`).
        static func joinAlways(_ branches: (then: ExprSyntax, else: [ExprSyntax])) -> Bool {
            let literals: [SyntaxKind] = [.integerLiteralExpr, .stringLiteralExpr, .booleanLiteralExpr, .floatLiteralExpr]
            return branches.else.count == 1 && branches.then.kind == branches.else[0].kind && literals.contains(branches.then.kind)
        }
    }
}

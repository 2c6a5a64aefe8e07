import InstSwiftCore
import SwiftSyntax

/// A witness inherits the result builder of the protocol requirement it implements (`var body: some RouterMiddleware`
/// of a hummingbird `RouterController`, whose requirement is `@MiddlewareFixedTypeBuilder`; SwiftUI's `View.body`), and
/// that attribute is not in the witness's syntax. Such a body is recognised by what only a builder makes valid: a value
/// is returned, and the body has several statements, ends in an expression, and has no `return` of its own (outside
/// its closures and nested functions). A body that ends in a call that never returns (`fatalError()`) looks the same
/// and is left alone too.
enum InheritedResultBuilders {
    static let returnKeyword = Array("return".utf8)

    /// Why the body cannot be wrapped in a span closure, if it may be a result builder's (`bytes`: the body's text).
    static func unsupportedReason(_ statements: CodeBlockItemListSyntax, returnType: String?, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let returnType, returnType != "Never", statements.count > 1, let last = statements.last, endsInExpression(last) else {
            return nil
        }
        if containsBytes(bytes, returnKeyword) {
            let finder = ReturnFinder(viewMode: .sourceAccurate)
            finder.walk(statements)
            if finder.found { return nil }
        }
        return "its body ends in an expression without 'return' after other statements, so it is built by a result builder "
            + "that the protocol requirement it implements declares (not written here), and a span closure would not be built by it"
    }

    /// An expression, or an `if`/`switch` statement (a builder's conditional content).
    static func endsInExpression(_ item: CodeBlockItemSyntax) -> Bool {
        if item.item.is(ExprSyntax.self) { return true }
        guard let expression = item.item.as(ExpressionStmtSyntax.self)?.expression else { return false }
        return expression.is(IfExprSyntax.self) || expression.is(SwitchExprSyntax.self)
    }

    private final class ReturnFinder: SyntaxVisitor {
        var found = false
        override func visit(_ node: ReturnStmtSyntax) -> SyntaxVisitorContinueKind {
            found = true
            return .skipChildren
        }
        override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    }
}

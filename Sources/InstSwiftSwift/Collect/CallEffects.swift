import SwiftSyntax

/// The `try` and `await` written around a call, found by walking up to the enclosing statement.
struct CallEffects {
    var underTry = false
    var underAwait = false
    /// Whether the call sits in the right operand of `??`, `&&` or `||` (an autoclosure).
    var insideAutoclosureOperand = false

    init(of call: FunctionCallExprSyntax) {
        var node = Syntax(call)
        while let parent = node.parent {
            if parent.is(CodeBlockItemSyntax.self) || parent.is(ClosureExprSyntax.self) || parent.is(CodeBlockSyntax.self)
                || parent.is(MemberBlockItemSyntax.self)
            {
                break
            }
            if parent.is(TryExprSyntax.self) { underTry = true }
            if parent.is(AwaitExprSyntax.self) { underAwait = true }
            if let list = parent.as(ExprListSyntax.self) {
                let items = Array(list)
                if let index = items.firstIndex(where: { $0.id == node.id }), index >= 2,
                    let op = items[index - 1].as(BinaryOperatorExprSyntax.self),
                    ["??", "&&", "||"].contains(op.operator.text)
                {
                    insideAutoclosureOperand = true
                }
            }
            node = parent
        }
    }
}

import SwiftSyntax

/// The `try` and `await` written around a call, found by walking up to the enclosing statement.
struct CallEffects {
    var underTry = false
    var underAwait = false
    /// Whether the call sits in the right operand of `??`, `&&` or `||` (an autoclosure).
    var insideAutoclosureOperand = false

    init(of call: FunctionCallExprSyntax) {
        var node = Syntax(call)
        // By kind, not `is(_:)`: each `is` builds the typed node to test it, and this runs for every call collected.
        while let parent = node.parent {
            switch parent.kind {
            case .codeBlockItem, .closureExpr, .codeBlock, .memberBlockItem: return
            case .tryExpr: underTry = true
            case .awaitExpr: underAwait = true
            case .exprList:
                let items = Array(parent.cast(ExprListSyntax.self))
                if let index = items.firstIndex(where: { $0.id == node.id }), index >= 2,
                    let op = items[index - 1].as(BinaryOperatorExprSyntax.self),
                    ["??", "&&", "||"].contains(op.operator.text)
                {
                    insideAutoclosureOperand = true
                }
            default: break
            }
            node = parent
        }
    }
}

import InstSwiftCore
import SwiftSyntax

/// A site found in a Swift file, with the syntax the advice will edit.
struct CollectedSite {
    var site: Site
    /// What the advice edits.
    var target: Target

    enum Target {
        /// A function-like body: `{` ... `}` plus what the renderer must know about the declaration.
        case body(BodyTarget)
        /// A call expression and the effects written around it.
        case call(CallTarget)
    }
}

/// A body to wrap.
struct BodyTarget {
    /// Offset just after the body's `{`.
    var afterOpenBrace: AbsolutePosition
    /// Offset of the body's `}`.
    var closeBrace: AbsolutePosition
    /// The body's statements.
    var statements: CodeBlockItemListSyntax
    /// Where the body's value is written without `return` (``ImplicitReturns``); empty when it has none.
    var implicitReturns: [AbsolutePosition]
    /// Whether the body is of an initializer (which cannot be wrapped in a closure before `self` is initialized).
    var isInitializer: Bool
    /// The line of the open brace, where a multi-line template's `#sourceLocation` resumes the original numbering.
    var line: Int
    /// Whether the body may `return` a variable named like a declaration modifier (see ``ReturnedModifierWords``).
    var mayReturnModifierWord = false
    /// Whether the result type names an enclosing type's generic parameter that a body may see as something else
    /// (see ``ShadowedResultTypes``): then the span closure does not restate it.
    var resultTypeMayBeShadowed = false
    /// The isolation the declaration writes for its async body.
    var isolation = AsyncBodyIsolation.unwritten
}

/// A call to wrap.
struct CallTarget {
    var start: AbsolutePosition
    var end: AbsolutePosition
    /// Whether a `try` covers the call (so the closure needs one too).
    var underTry: Bool
    /// Whether an `await` covers the call.
    var underAwait: Bool
    /// The receiver expression a `wrap-receiver` function takes, when the call has one it can take.
    var receiver: WrappableReceiver?
    /// The isolation the enclosing function writes for its body, when the call is in that body itself (not in a
    /// closure, whose isolation the syntax does not tell).
    var enclosingIsolation: AsyncBodyIsolation?
}

/// Where a `wrap-receiver` function goes around a call's receiver.
enum WrappableReceiver: Equatable {
    /// A value (`session.data(...)`): `F(session)`.
    case value(Range<AbsolutePosition>)
    /// An optional unwrapped by the call (`session?.data(...)`, `session!.data(...)`), whose `?` or `!` follows `end`:
    /// `session.map { F($0) }?` — the postfix operator has to touch the injected text.
    case optional(end: AbsolutePosition)
}

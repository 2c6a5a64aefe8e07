import InstSwiftCore
import SwiftSyntax

/// A function with an `isolated` parameter has its body's span closure capture that parameter, so the body stays on its
/// actor (``BodyRenderer``). Inside such a closure, a `Task { [self] in ... }` — a task that inherits the actor and
/// captures `self` by its capture list — makes Swift 6.3's compiler crash in SIL generation ("Invalid conformance in
/// type-checked AST"); swift-async-algorithms 1.1's `AsyncShareSequence` starts its iteration task this way. Other
/// captures (`[weak self]`, `[s = self]`, `[other]`), implicit `self` and detached tasks compile. A body with such a
/// closure is left alone, with this reason.
enum IsolatedSelfCaptures {
    static let selfKeyword = Array("self".utf8)

    /// Why the body of a function whose `isolated` parameter its span closure captures cannot be wrapped (`bytes`: the
    /// body's text, to skip the syntax walk in bodies that never write `self`).
    static func unsupportedReason(_ statements: CodeBlockItemListSyntax, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard containsBytes(bytes, selfKeyword) else { return nil }
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(statements)
        guard finder.found else { return nil }
        return "a closure in it captures '[self]', which Swift 6.3's compiler cannot build inside a span closure that keeps "
            + "the function's 'isolated' parameter"
    }

    private final class Finder: SyntaxVisitor {
        var found = false

        override func visit(_ node: ClosureCaptureSyntax) -> SyntaxVisitorContinueKind {
            // `[self]` and `[a, self]`; not `[weak self]` or `[s = self]`.
            if node.specifier == nil, node.initializer == nil, node.name.tokenKind == .keyword(.self) { found = true }
            return .skipChildren
        }
        override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    }
}

extension DeclarationSite {
    /// The name of the `isolated` parameter a span closure around the body captures to stay on its actor, if it has one.
    var capturedIsolatedParameter: String? {
        parameters.first { $0.type.hasPrefix("isolated ") && $0.name != "_" }?.name
    }
}

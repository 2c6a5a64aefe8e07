import InstSwiftCore
import SwiftSyntax

/// In a function body a local declared with an opaque type (`let general: some Scheduler = scheduler`) hides its
/// underlying type; inside a closure the compiler sees through it (Swift 6.3), so a call that passes it can resolve to
/// another overload. GRDB 7.10's `@MainActor` `ValueObservation.start(in:scheduling:...)` hands its
/// `some ValueObservationMainActorScheduler` to the general `start(...scheduling: some ValueObservationScheduler...)` this
/// way; wrapped in a span closure, the call chose the `@MainActor` overload itself and recursed until the stack overflowed
/// (found by the corpus). A body with such a local is left alone, with this reason. Closures and nested functions inside
/// the body keep the semantics they had.
enum OpaqueLocals {
    static let someKeyword = Array("some".utf8)

    /// Why a body cannot be wrapped in a span closure for its opaque locals, if it cannot (`bytes`: the body's text, to
    /// skip the syntax walk in the bodies that never write `some`).
    static func unsupportedReason(_ statements: CodeBlockItemListSyntax, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard containsBytes(bytes, someKeyword) else { return nil }
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(statements)
        guard let name = finder.found else { return nil }
        return "the local '\(name)' has an opaque type, which a closure sees through: inside the span closure a call that "
            + "passes it could resolve to another overload"
    }

    private final class Finder: SyntaxVisitor {
        var found: String?

        override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
            for binding in node.bindings where found == nil {
                if let type = binding.typeAnnotation?.type, Self.isOpaque(type) {
                    found = binding.pattern.trimmedDescription
                }
            }
            return .visitChildren
        }

        /// `some P`, also inside an optional, array or tuple (`(some P)?`).
        static func isOpaque(_ type: TypeSyntax) -> Bool {
            type.tokens(viewMode: .sourceAccurate).contains { $0.tokenKind == .keyword(.some) }
        }

        override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    }
}

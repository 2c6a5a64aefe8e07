import InstSwiftCore
import SwiftSyntax

/// `case` patterns that may match through a custom `~=`, which a span closure cannot hold.
///
/// The Swift compiler (6.3) type-checks an expression pattern spelled as an implicit member call of an implicit member
/// — `case .keyword(.prefix):`
/// matched against a token through `static func ~= (TokenSpec, RawTokenSyntax)` — in a function body, but not inside
/// any closure: "failed to produce diagnostic for expression" (swift-syntax's SwiftParser, its `isFixity`), or "unable
/// to infer closure type" with the closure's type written out. The same spelling is an enum case pattern when the
/// subject is an enum, which a closure holds fine; the types are not known here, so in a module that declares `~=`, a
/// body with such a pattern is left alone, with this reason. (`case .SQLITE_ABORT:` matched through GRDB's `~=` is fine in
/// a closure, and GRDB's pack rules insert into such a body.)
public enum PatternMatchOperators {
    static let reason =
        "a 'case' pattern written as an implicit member of implicit members ('.a(.b)') may match through a custom '~=' "
        + "(this module declares one), which "
        + "the Swift compiler cannot type-check inside the span's closure"

    /// Whether `source` declares a `~=` operator.
    public static func declared(in source: String) -> Bool {
        containsBytes(source, "func ~=")  // bytes: Foundation's `contains` takes milliseconds on a large file
    }

    /// ``reason`` when `statements` hold a `case` pattern spelled as an implicit member.
    static func unsupportedReason(_ statements: CodeBlockItemListSyntax, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard containsBytes(bytes, Self.caseKeyword) else { return nil }
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(statements)
        return finder.found ? reason : nil
    }

    private static let caseKeyword = Array("case".utf8)

    private final class Finder: SyntaxVisitor {
        var found = false

        override func visit(_ node: ExpressionPatternSyntax) -> SyntaxVisitorContinueKind {
            if Self.isImplicitMemberCallOfImplicitMembers(node.expression) { found = true }
            return .skipChildren
        }

        /// `.name(.member)`: the shape that fails (a plain `.name` matched through a `~=` type-checks in a closure).
        static func isImplicitMemberCallOfImplicitMembers(_ expression: ExprSyntax) -> Bool {
            guard let call = expression.as(FunctionCallExprSyntax.self), isImplicitMember(call.calledExpression) else { return false }
            return call.arguments.contains { isImplicitMember($0.expression) }
        }

        /// `.name` or `.name(...)`.
        static func isImplicitMember(_ expression: ExprSyntax) -> Bool {
            if let call = expression.as(FunctionCallExprSyntax.self) { return isImplicitMember(call.calledExpression) }
            return expression.as(MemberAccessExprSyntax.self).map { $0.base == nil } ?? false
        }
    }
}

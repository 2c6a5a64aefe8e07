import SwiftSyntax

/// A `willSet` or `didSet` observer that changes its own property. Inside its own observer a property is accessed
/// directly, so `didSet { value = clamp(value) }` sets the storage once; inside the span closure the same assignment
/// goes through the setter and runs the observer again, without end (grpc-swift-2 2.4.3's
/// `RetryPolicy.maxAttempts`, `didSet { self.maxAttempts = try! validateMaxAttempts(self.maxAttempts) }`: a stack
/// overflow). Such observers are left alone. A change is an assignment (compound ones too) to the property or a part
/// of it, passing it `inout`, or calling a method on it (which may be mutating); reading it is fine.
enum ObserverSelfMutation {
    static func unsupportedReason(property: String, body: CodeBlockSyntax) -> String? {
        let finder = Finder(property: property)
        finder.walk(body)
        guard finder.found else { return nil }
        return "the observer changes '\(property)' itself: inside the span closure that change would run the observer again, "
            + "without end (an observer's own accesses to its property skip the observers only in its body)"
    }

    final class Finder: SyntaxVisitor {
        let property: String
        var found = false

        init(property: String) {
            self.property = property
            super.init(viewMode: .sourceAccurate)
        }

        override func visit(_ node: SequenceExprSyntax) -> SyntaxVisitorContinueKind {
            let elements = Array(node.elements)
            for (index, element) in elements.enumerated() where index > 0 && Self.isAssignment(element) {
                if isRooted(elements[index - 1]) { found = true }
            }
            return found ? .skipChildren : .visitChildren
        }

        override func visit(_ node: InOutExprSyntax) -> SyntaxVisitorContinueKind {
            if isRooted(node.expression) { found = true }
            return .visitChildren
        }

        override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
            if let member = node.calledExpression.as(MemberAccessExprSyntax.self), let base = member.base, isRooted(base) { found = true }
            return .visitChildren
        }

        static func isAssignment(_ element: ExprSyntax) -> Bool {
            if element.is(AssignmentExprSyntax.self) { return true }
            guard let operation = element.as(BinaryOperatorExprSyntax.self)?.operator.text else { return false }
            return operation.hasSuffix("=") && !["==", "!=", "<=", ">=", "===", "!=="].contains(operation)
        }

        /// Whether `expression` is the property or a part of it: `value`, `self.value`, `value.count`, `value[0]`, `value!`.
        func isRooted(_ expression: ExprSyntax) -> Bool {
            if let reference = expression.as(DeclReferenceExprSyntax.self) { return reference.baseName.text == property }
            if let member = expression.as(MemberAccessExprSyntax.self) {
                if member.declName.baseName.text == property, member.base?.as(DeclReferenceExprSyntax.self)?.baseName.text == "self" { return true }
                return member.base.map(isRooted) ?? false
            }
            if let subscriptCall = expression.as(SubscriptCallExprSyntax.self) { return isRooted(subscriptCall.calledExpression) }
            if let unwrap = expression.as(ForceUnwrapExprSyntax.self) { return isRooted(unwrap.expression) }
            if let chain = expression.as(OptionalChainingExprSyntax.self) { return isRooted(chain.expression) }
            return false
        }
    }
}

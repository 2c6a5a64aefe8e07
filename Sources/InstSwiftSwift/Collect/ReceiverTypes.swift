import SwiftSyntax

/// The declared types of the variables in scope, so a call site knows its receiver's type (`store.load()` where
/// `let store: Store`): members of the enclosing types, parameters and locals, innermost scope last. Tracks nothing
/// when no rule selects calls.
struct ReceiverTypes {
    let isTracking: Bool
    let text: NodeText
    /// Variable name to declared type, per scope, innermost last.
    private var scopes: [[String: String]] = [[:]]

    init(isTracking: Bool, text: NodeText) {
        self.isTracking = isTracking
        self.text = text
    }

    /// Enters a type: its `let x: T` and `let x = T(...)` members are in scope.
    mutating func enterType(_ node: some SyntaxProtocol) {
        var scope: [String: String] = [:]
        if isTracking, let members = node.asProtocol(DeclGroupSyntax.self)?.memberBlock.members {
            for member in members {
                guard let variable = member.decl.as(VariableDeclSyntax.self) else { continue }
                for (name, type) in bindings(of: variable) { scope[name] = type }
            }
        }
        scopes.append(scope)
    }

    /// Enters a function: its parameters are in scope.
    mutating func enterFunction(parameters: FunctionParameterListSyntax) {
        var scope: [String: String] = [:]
        for parameter in parameters where isTracking {
            scope[(parameter.secondName ?? parameter.firstName).text] = text(parameter.type)
        }
        scopes.append(scope)
    }

    /// Enters a closure, whose locals shadow the enclosing ones.
    mutating func enterClosure() { scopes.append([:]) }

    /// Leaves the innermost type, function or closure.
    mutating func leave() { scopes.removeLast() }

    /// Puts a local variable declaration's typed bindings in the innermost scope.
    mutating func declare(_ variable: VariableDeclSyntax) {
        guard isTracking else { return }
        for (name, type) in bindings(of: variable) { scopes[scopes.count - 1][name] = type }
    }

    /// The type of a call's receiver expression, when a type name starts it or a variable in scope declares it.
    func type(ofReceiver receiver: String) -> String? {
        let root = String(receiver.prefix { $0 != "." && $0 != "(" && $0 != "[" && $0 != "?" && $0 != "!" })
        if root.first?.isUppercase == true { return root }
        let name = root == "self" ? String(receiver.dropFirst(5).prefix { $0 != "." && $0 != "(" }) : root
        for scope in scopes.reversed() {
            if let type = scope[name] { return type.trimmingSuffix("?").trimmingSuffix("!") }
        }
        return nil
    }

    /// `let x: T` and `let x = T(...)`: the names a declaration binds with the type it states or constructs.
    private func bindings(of variable: VariableDeclSyntax) -> [(String, String)] {
        variable.bindings.compactMap { binding in
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else { return nil }
            if let type = binding.typeAnnotation.map({ text($0.type) }) { return (name, type) }
            if let call = binding.initializer?.value.as(FunctionCallExprSyntax.self),
                let callee = call.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text,
                callee.first?.isUppercase == true
            {
                return (name, callee)
            }
            return nil
        }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}

import SwiftSyntax

/// The declared types of the variables in scope, so a call site knows its receiver's type (`store.load()` where
/// `let store: Store`): members of the enclosing types, parameters and locals, innermost scope last. Tracks nothing
/// when no rule selects calls.
struct ReceiverTypes {
    let isTracking: Bool
    let text: NodeText
    /// The scopes, innermost last. A type's members and a function's parameters are kept as syntax and read only when a
    /// call asks for a receiver: most types and functions have no call a rule selects.
    private var scopes: [Scope] = [Scope()]

    private struct Scope {
        var members: MemberBlockItemListSyntax?
        /// The members' variable name to declared type, read from `members` when a call first asks (once per type: a
        /// type with many members and calls was read again for each call).
        var memberTypes: [String: String]?
        var parameters: FunctionParameterListSyntax?
        /// Local variable name to declared type; locals shadow the scope's parameters.
        var locals: [String: String] = [:]
    }

    init(isTracking: Bool, text: NodeText) {
        self.isTracking = isTracking
        self.text = text
    }

    /// Enters a type: its `let x: T` and `let x = T(...)` members are in scope.
    mutating func enterType(members: MemberBlockItemListSyntax) {
        scopes.append(Scope(members: isTracking ? members : nil))
    }

    /// Enters a function: its parameters are in scope.
    mutating func enterFunction(parameters: FunctionParameterListSyntax) {
        scopes.append(Scope(parameters: isTracking ? parameters : nil))
    }

    /// Enters a closure, whose locals shadow the enclosing ones.
    mutating func enterClosure() { scopes.append(Scope()) }

    /// Leaves the innermost type, function or closure.
    mutating func leave() { scopes.removeLast() }

    /// Puts a local variable declaration's typed bindings in the innermost scope.
    mutating func declare(_ variable: VariableDeclSyntax) {
        guard isTracking else { return }
        for (name, type) in bindings(of: variable) { scopes[scopes.count - 1].locals[name] = type }
    }

    /// The type of a call's receiver expression, when a type name starts it or a variable in scope declares it.
    mutating func type(ofReceiver receiver: String) -> String? {
        let root = String(receiver.prefix { $0 != "." && $0 != "(" && $0 != "[" && $0 != "?" && $0 != "!" })
        if root.first?.isUppercase == true { return root }
        let name = root == "self" ? String(receiver.dropFirst(5).prefix { $0 != "." && $0 != "(" }) : root
        for index in scopes.indices.reversed() {
            if let type = declaredType(of: name, in: index) { return type.trimmingSuffix("?").trimmingSuffix("!") }
        }
        return nil
    }

    /// The type `scope` declares `name` with; of a type's members, the last declaration.
    private mutating func declaredType(of name: String, in index: Int) -> String? {
        if let type = scopes[index].locals[name] { return type }
        // The parameters' text first: reading them makes their nodes, and most calls' receivers are not parameters.
        if let parameters = scopes[index].parameters, text.node(parameters, contains: name),
            let parameter = parameters.last(where: { ($0.secondName ?? $0.firstName).text == name })
        {
            return text(parameter.type)
        }
        guard let members = scopes[index].members else { return nil }
        if scopes[index].memberTypes == nil {
            var types: [String: String] = [:]
            for member in members {
                guard let variable = member.decl.as(VariableDeclSyntax.self) else { continue }
                for binding in variable.bindings {
                    guard let bound = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text, let type = boundType(binding) else { continue }
                    types[bound] = type
                }
            }
            scopes[index].memberTypes = types
        }
        return scopes[index].memberTypes?[name]
    }

    /// `let x: T` and `let x = T(...)`: the names a declaration binds with the type it states or constructs.
    private func bindings(of variable: VariableDeclSyntax) -> [(String, String)] {
        variable.bindings.compactMap { binding in
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text, let type = boundType(binding) else { return nil }
            return (name, type)
        }
    }

    /// The type a binding states or constructs.
    private func boundType(_ binding: PatternBindingSyntax) -> String? {
        if let annotation = binding.typeAnnotation { return text(annotation.type) }
        if let call = binding.initializer?.value.as(FunctionCallExprSyntax.self),
            let callee = call.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text,
            callee.first?.isUppercase == true
        {
            return callee
        }
        return nil
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}

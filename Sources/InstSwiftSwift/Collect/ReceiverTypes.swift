@_spi(RawSyntax) import SwiftSyntax

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
        /// The node whose text holds the parameters (a signature or parameter clause), read only when it holds a name.
        var parameters: Syntax?
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

    /// Enters a function: the parameters of `signature` (a function's signature or a subscript's parameter clause) are
    /// in scope.
    mutating func enterFunction(signature: some SyntaxProtocol) {
        scopes.append(Scope(parameters: isTracking ? Syntax(signature) : nil))
    }

    /// Enters a closure, whose locals shadow the enclosing ones.
    mutating func enterClosure() { scopes.append(Scope()) }

    /// Leaves the innermost type, function or closure.
    mutating func leave() { scopes.removeLast() }

    /// Puts a local variable declaration's typed bindings in the innermost scope.
    mutating func declare(_ variable: VariableDeclSyntax) {
        guard isTracking, let raw = RawVariableDeclSyntax(variable.raw) else { return }
        for (name, type) in Self.bindings(of: raw) { scopes[scopes.count - 1].locals[name] = type }
    }

    /// The type of a call's receiver expression, when a type name starts it or a variable in scope declares it.
    mutating func type(ofReceiver receiver: String) -> String? {
        let root = Self.firstName(receiver.utf8)
        if root.first?.isUppercase == true { return root }
        let name = root == "self" ? Self.firstName(receiver.utf8.dropFirst(5)) : root
        for index in scopes.indices.reversed() {
            if let type = declaredType(of: name, in: index) { return type.trimmingSuffix("?").trimmingSuffix("!") }
        }
        return nil
    }

    /// The name a receiver's text starts with (`a` of `a.b`, `a(x)`, `a[i]`, `a?.b`, `a!.b`).
    private static func firstName(_ text: some Collection<UInt8>) -> String {
        String(decoding: text.prefix { !rootEnd.contains($0) }, as: UTF8.self)
    }

    /// The bytes that end a receiver's first name (`a.b`, `a(x)`, `a[i]`, `a?.b`, `a!.b`).
    private static let rootEnd: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "?"), UInt8(ascii: "!")]

    /// The type `scope` declares `name` with; of a type's members, the last declaration.
    private mutating func declaredType(of name: String, in index: Int) -> String? {
        if let type = scopes[index].locals[name] { return type }
        // The parameters' text first: reading them makes their nodes, and most calls' receivers are not parameters.
        if let owner = scopes[index].parameters, text.node(owner, contains: name),
            let parameters = owner.as(FunctionSignatureSyntax.self)?.parameterClause.parameters ?? owner.as(FunctionParameterClauseSyntax.self)?.parameters,
            let parameter = parameters.last(where: { ($0.secondName ?? $0.firstName).text == name })
        {
            return text(parameter.type)
        }
        guard let members = scopes[index].members else { return nil }
        if scopes[index].memberTypes == nil {
            // Read from the raw tree: making every member's nodes to find the few properties cost more than the rest of
            // a call's look-up.
            var types: [String: String] = [:]
            if let layout = members.raw.layoutView {
                for case let member? in layout.children {
                    guard let variable = RawMemberBlockItemSyntax(member).flatMap({ RawVariableDeclSyntax($0.decl) }) else { continue }
                    for (bound, type) in Self.bindings(of: variable) { types[bound] = type }
                }
            }
            scopes[index].memberTypes = types
        }
        return scopes[index].memberTypes?[name]
    }

    /// `let x: T` and `let x = T(...)`: the names a declaration binds with the type it states or constructs.
    private static func bindings(of variable: RawVariableDeclSyntax) -> [(String, String)] {
        variable.bindings.elements.compactMap { binding in
            guard let name = RawIdentifierPatternSyntax(binding.pattern)?.identifier.tokenText, let type = boundType(binding) else { return nil }
            return (String(syntaxText: name), type)
        }
    }

    /// The type a binding states or constructs.
    private static func boundType(_ binding: RawPatternBindingSyntax) -> String? {
        if let annotation = binding.typeAnnotation { return trimmedText(annotation.type.raw) }
        if let value = binding.initializer?.value, let call = RawFunctionCallExprSyntax(value),
            let callee = RawDeclReferenceExprSyntax(call.calledExpression).map({ String(syntaxText: $0.baseName.tokenText) }),
            callee.first?.isUppercase == true
        {
            return callee
        }
        return nil
    }

    /// A raw node's source text without its leading and trailing trivia.
    private static func trimmedText(_ node: RawSyntax) -> String {
        let bytes = Array(node.description.utf8)
        return String(decoding: bytes[node.leadingTriviaByteLength..<bytes.count - node.trailingTriviaByteLength], as: UTF8.self)
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}

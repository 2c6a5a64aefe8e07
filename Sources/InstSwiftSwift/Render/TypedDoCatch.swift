import InstSwiftCore
import SwiftSyntax

/// In a function body the compiler infers a `do` statement's error type from what its body throws; inside a closure it
/// infers `any Error` instead (Swift 6.3), so a body wrapped in a span closure may no longer compile (found by the corpus
/// in apple/swift-system's IORing). In a function that throws a concrete type, a `do` whose catch clauses leave some
/// errors uncaught rethrows them to the function, so its body can only throw that type: it is given the type,
/// `do throws(E)`. Any other `do` whose catch clauses rely on the inferred type (an implicit-member pattern such as
/// `catch .again`, a catch-all that rethrows or switches over the error of a typed-throws function, or one that stores
/// the error in a variable or hands it to an initializer) has a type
/// instswift cannot know from syntax: the function is left alone, with that reason. Closures and nested functions
/// inside the body keep the semantics they had.
enum TypedDoCatch {
    /// The `do` statements of one body.
    struct Scan {
        /// Where `throws(E)` goes (after the `do` keyword) for each `do` that rethrows to the function.
        var rethrowing: [AbsolutePosition] = []
        /// Whether another `do` relies on the error type the function body infers.
        var reliesOnInferredType = false
    }

    /// Whether a function throwing `thrownType` throws a concrete type.
    static func isConcrete(_ thrownType: String?) -> Bool {
        guard let thrownType else { return false }
        return !["any Error", "Error", "Swift.Error", "any Swift.Error", "Never", "Swift.Never"].contains(thrownType)
    }

    /// The `do` statements of a body that throws `thrownType` (nil: untyped or none).
    static func scan(_ statements: CodeBlockItemListSyntax, thrownType: String?) -> Scan {
        let finder = DoFinder(typed: isConcrete(thrownType))
        finder.walk(statements)
        return finder.scan
    }

    /// Why a body cannot be wrapped in a span closure for its `do` statements, if it cannot.
    static func unsupportedReason(_ statements: CodeBlockItemListSyntax, thrownType: String?) -> String? {
        guard scan(statements, thrownType: thrownType).reliesOnInferredType else { return nil }
        return "a do-catch relies on the error type the body infers, and inside the span closure the compiler infers 'any Error'"
    }

    /// The insertions for the body `statements` of a function that throws `thrownType`.
    static func edits(in statements: CodeBlockItemListSyntax, thrownType: String, sequence: Int) -> [TextEdit] {
        guard isConcrete(thrownType) else { return [] }
        return scan(statements, thrownType: thrownType).rethrowing.map {
            TextEdit(offset: $0.utf8Offset, text: InjectedRegion.wrap(" throws(\(thrownType))"), role: .standalone, sequence: sequence)
        }
    }

    /// Whether a catch clause catches every error: no pattern, `let e`, `var e` or `_`, without a `where`.
    static func catchesEverything(_ clause: CatchClauseSyntax) -> Bool {
        guard let item = clause.catchItems.first else { return true }
        guard clause.catchItems.count == 1, item.whereClause == nil, let pattern = item.pattern else { return false }
        if pattern.is(WildcardPatternSyntax.self) { return true }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) { return binding.pattern.is(IdentifierPatternSyntax.self) }
        return false
    }

    /// Whether a catch clause needs the error's inferred type: an implicit-member pattern (`catch .again`), or, in a
    /// function that throws a concrete type, a catch-all whose body uses the error (`throw error`, `switch error`).
    static func reliesOnInferredType(_ clause: CatchClauseSyntax, typed: Bool) -> Bool {
        if clause.catchItems.contains(where: { $0.pattern?.trimmedDescription.hasPrefix(".") == true }) { return true }
        guard catchesEverything(clause) else { return false }
        let name = clause.catchItems.first?.pattern?.as(ValueBindingPatternSyntax.self)?.pattern.trimmedDescription ?? "error"
        let body = clause.body.statements.description
        guard body.contains(name) else { return false }
        return typed || body.contains("case .") || assigns(name, in: body) || converts(name, in: clause.body)
    }

    /// Whether `body` hands the caught error itself to an initializer or a type's case (`RPCError(invalidState)`,
    /// `.failure(rpcError)`): which one, or whether any applies, may depend on the error's type (grpc-swift-nio-transport
    /// 2.9.2: `init(_: some RPCErrorConvertible)`, which `any Error` does not satisfy, and `Result<_, RPCError>`).
    static func converts(_ name: String, in body: CodeBlockSyntax) -> Bool {
        let finder = ConversionFinder(name: name)
        finder.walk(body)
        return finder.found
    }

    private final class ConversionFinder: SyntaxVisitor {
        let name: String
        var found = false

        init(name: String) {
            self.name = name
            super.init(viewMode: .sourceAccurate)
        }

        override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
            let passesError = node.arguments.contains { $0.expression.as(DeclReferenceExprSyntax.self)?.baseName.text == name }
            if passesError, Self.isConversion(node.calledExpression) { found = true }
            return found ? .skipChildren : .visitChildren
        }

        /// `Type(...)`, `Module.Type(...)`, `.init(...)`, `Type.init(...)`, and a case or static member of a type:
        /// `.failure(...)`, `Result<T, E>.failure(...)` (grpc-swift-nio-transport 2.9.2's `GRPCMessageFramer`, whose
        /// `Result`'s failure is the error's inferred type). A method of a value (`context.fireErrorCaught(error)`) is not.
        static func isConversion(_ callee: ExprSyntax) -> Bool {
            if let reference = callee.as(DeclReferenceExprSyntax.self) { return reference.baseName.text.first?.isUppercase == true }
            if let member = callee.as(MemberAccessExprSyntax.self) {
                guard let base = member.base else { return true }
                return member.declName.baseName.text == "init" || member.declName.baseName.text.first?.isUppercase == true
                    || base.trimmedDescription.first?.isUppercase == true
            }
            return callee.is(GenericSpecializationExprSyntax.self)
        }
    }

    /// Whether `body` assigns the caught error itself to something (`closeError = error`), whose type may be the one the
    /// `do` body throws (swift-subprocess 1.0.2: `var closeError: SubprocessError?` in a function that does not throw).
    static func assigns(_ name: String, in body: String) -> Bool {
        let bytes = Array(body.utf8), word = Array(name.utf8)
        for index in bytes.indices where bytes[index] == UInt8(ascii: "=") {
            // Not `==`, `!=`, `<=`, `>=`, `=>`.
            if index > 0, [UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">")].contains(bytes[index - 1]) { continue }
            var start = index + 1
            if start < bytes.count, bytes[start] == UInt8(ascii: "=") || bytes[start] == UInt8(ascii: ">") { continue }
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
            var end = start + word.count
            guard end <= bytes.count, bytes[start..<end].elementsEqual(word) else { continue }
            // The error itself, not an expression of it (`error as? MCPError ?? ...` has a type of its own).
            while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
            if end == bytes.count || [UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"), UInt8(ascii: "}"), UInt8(ascii: "/")].contains(bytes[end]) {
                return true
            }
        }
        return false
    }

    private final class DoFinder: SyntaxVisitor {
        var scan = Scan()
        let typed: Bool
        /// How many enclosing `do` statements catch the errors of what is being visited.
        private var catchingDepth = 0

        init(typed: Bool) {
            self.typed = typed
            super.init(viewMode: .sourceAccurate)
        }

        override func visit(_ node: DoStmtSyntax) -> SyntaxVisitorContinueKind {
            guard !node.catchClauses.isEmpty else { return .visitChildren }
            if node.throwsClause == nil {
                if typed, catchingDepth == 0, !node.catchClauses.contains(where: TypedDoCatch.catchesEverything) {
                    scan.rethrowing.append(node.doKeyword.endPositionBeforeTrailingTrivia)
                } else if node.catchClauses.contains(where: { TypedDoCatch.reliesOnInferredType($0, typed: typed) }) {
                    scan.reliesOnInferredType = true
                }
            }
            catchingDepth += 1
            walk(node.body)
            catchingDepth -= 1
            // What a catch clause throws leaves this `do`.
            for clause in node.catchClauses { walk(clause.body) }
            return .skipChildren
        }

        override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: AccessorBlockSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: MemberBlockSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    }
}

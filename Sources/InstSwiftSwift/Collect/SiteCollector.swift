import InstSwiftCore
import SwiftSyntax

/// One pass over a Swift file that records every declaration with a body and every call a rule could select.
final class SiteCollector: SyntaxVisitor {
    private let lines: LineTable
    private let path: String
    /// The calls the rules can select; others are not collected.
    private let calls: CallInterest
    /// Whether a rule selects calls, so variables' types are tracked to know each call's receiver.
    private var tracksReceivers: Bool { calls != .none }
    /// Text a statement must contain to hold anything collectable; nil when that cannot be bounded.
    private let statementNeedles: ByteNeedles?
    private(set) var sites: [CollectedSite] = []
    /// Every module the file imports (at top level or inside `#if`).
    private(set) var imports = Set<String>()

    /// Enclosing types, outermost first, with their inheritance clauses.
    private var typeStack: [(name: String, inherits: [String], isMain: Bool, hasStaticMain: Bool)] = []
    /// The line where the file bootstraps tracing itself, if it does.
    var selfBootstrapLine: Int?
    /// Names of enclosing functions, innermost last.
    private var functionStack: [String] = []
    /// Whether an enclosing declaration is opted out by `// instswift:ignore`.
    private var ignoreDepth = 0
    /// Variable name to declared type, per scope, innermost last.
    private var scopes: [[String: String]] = [[:]]

    /// The file's bytes, for cheap text of nodes (`trimmedDescription` rebuilds trees and dominated the profile).
    private let bytes: [UInt8]
    /// Whether the file has any `instswift:` comment; most files have none, and trivia is costly to read.
    let hasDirectives: Bool

    /// Prepares a pass over `tree`, parsed from `source`, collecting the calls `calls` admits.
    init(path: String, source: String, calls: CallInterest) {
        self.path = path
        self.bytes = Array(source.utf8)
        self.hasDirectives = containsBytes(bytes, Array("instswift:".utf8))
        self.lines = LineTable(bytes)
        self.calls = calls
        // A statement holds a site only through a nested declaration or a call a rule can select.
        self.statementNeedles = calls.requiredSubstrings.map { ByteNeedles(Self.declarationKeywords + $0) }
        super.init(viewMode: .sourceAccurate)
    }

    /// Words every nested declaration with a body starts with or contains (`var` for local accessors).
    static let declarationKeywords = ["func", "init", "subscript", "var"]

    /// The node's source text without its leading and trailing trivia.
    func text(_ node: some SyntaxProtocol) -> String {
        let start = node.positionAfterSkippingLeadingTrivia.utf8Offset, end = node.endPositionBeforeTrailingTrivia.utf8Offset
        guard start < end, end <= bytes.count else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func isIgnored(_ node: some SyntaxProtocol) -> Bool {
        hasDirectives && CommentDirectives.isIgnored(node)
    }

    func location(_ node: some SyntaxProtocol) -> InstSwiftCore.SourceLocation {
        let (line, column) = lines.position(of: node.positionAfterSkippingLeadingTrivia.utf8Offset)
        return InstSwiftCore.SourceLocation(file: path, line: line, column: column)
    }

    // MARK: Skipping

    /// Statements whose text holds no nested declaration and no selectable call are not walked.
    override func visit(_ node: CodeBlockItemSyntax) -> SyntaxVisitorContinueKind {
        node.item.is(DeclSyntax.self) || mayHoldSites(node) ? .visitChildren : .skipChildren
    }

    /// Whether the node's text contains anything collectable (true when that cannot be bounded).
    private func mayHoldSites(_ node: some SyntaxProtocol) -> Bool {
        guard let statementNeedles else { return true }
        let start = node.position.utf8Offset, end = min(node.endPosition.utf8Offset, bytes.count)
        guard start < end else { return false }
        return bytes.withUnsafeBufferPointer { statementNeedles.occur(in: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    // MARK: Types

    private func enterType(_ name: String, _ inherits: InheritanceClauseSyntax?, _ node: some SyntaxProtocol) {
        let attributes = node.asProtocol(WithAttributesSyntax.self)?.attributes ?? []
        let isMain = attributes.contains { $0.as(AttributeSyntax.self).map { text($0.attributeName) } == "main" }
        // Only an `@main` type's members decide its entry point; scanning every type's members cost ~4% of a rewrite.
        let members = isMain ? node.asProtocol(DeclGroupSyntax.self)?.memberBlock.members ?? [] : []
        let hasStaticMain = members.contains { member in
            guard let function = member.decl.as(FunctionDeclSyntax.self) else { return false }
            return function.name.text == "main" && function.modifiers.contains { $0.name.text == "static" }
        }
        typeStack.append((name, inherits?.inheritedTypes.map { text($0.type) } ?? [], isMain, hasStaticMain))
        scopes.append(storedProperties(of: node))
        if isIgnored(node) { ignoreDepth += 1 }
    }

    private func leaveType(_ node: some SyntaxProtocol) {
        typeStack.removeLast()
        scopes.removeLast()
        if isIgnored(node) { ignoreDepth -= 1 }
    }

    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(node.name.text, node.inheritanceClause, node); return .visitChildren
    }
    override func visitPost(_ node: StructDeclSyntax) { leaveType(node) }
    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { enterType(node.name.text, node.inheritanceClause, node); return .visitChildren }
    override func visitPost(_ node: ClassDeclSyntax) { leaveType(node) }
    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { enterType(node.name.text, node.inheritanceClause, node); return .visitChildren }
    override func visitPost(_ node: EnumDeclSyntax) { leaveType(node) }
    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind { enterType(node.name.text, node.inheritanceClause, node); return .visitChildren }
    override func visitPost(_ node: ActorDeclSyntax) { leaveType(node) }
    override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(text(node.extendedType), node.inheritanceClause, node)
        return .visitChildren
    }
    override func visitPost(_ node: ExtensionDeclSyntax) { leaveType(node) }
    override func visit(_ node: ImportDeclSyntax) -> SyntaxVisitorContinueKind {
        imports.insert(text(node.path))
        return .skipChildren
    }
    override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: MacroExpansionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

    /// `let x: T` and `let x = T(...)` members, so calls on them know their receiver's type.
    private func storedProperties(of node: some SyntaxProtocol) -> [String: String] {
        var result: [String: String] = [:]
        guard tracksReceivers else { return result }
        let members =
            node.as(StructDeclSyntax.self)?.memberBlock ?? node.as(ClassDeclSyntax.self)?.memberBlock
            ?? node.as(ActorDeclSyntax.self)?.memberBlock ?? node.as(EnumDeclSyntax.self)?.memberBlock
            ?? node.as(ExtensionDeclSyntax.self)?.memberBlock
        for member in members?.members ?? [] {
            guard let variable = member.decl.as(VariableDeclSyntax.self) else { continue }
            for (name, type) in bindings(of: variable) { result[name] = type }
        }
        return result
    }

    func bindings(of variable: VariableDeclSyntax) -> [(String, String)] {
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

    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
        if tracksReceivers, !functionStack.isEmpty {
            for (name, type) in bindings(of: node) { scopes[scopes.count - 1][name] = type }
        }
        collectAccessors(of: node)
        let walkInside = node.bindings.contains { (binding: PatternBindingSyntax) in
            binding.initializer.map { mayHoldSites($0) } == true || binding.accessorBlock.map { mayHoldSites($0) } == true
        }
        return walkInside ? .visitChildren : .skipChildren
    }

    // MARK: Declarations

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        if let body = node.body {
            let signature = node.signature
            var site = makeSite(
                kind: typeStack.isEmpty || !functionStack.isEmpty ? .function : .method,
                name: node.name.text,
                parameters: signature.parameterClause.parameters,
                effects: (signature.effectSpecifiers?.asyncSpecifier != nil, signature.effectSpecifiers?.throwsClause),
                returnType: signature.returnClause?.type,
                attributes: node.attributes, modifiers: node.modifiers, declaration: node
            )
            if let type = typeStack.last, type.isMain, functionStack.isEmpty {
                let isStatic = node.modifiers.contains { $0.name.text == "static" }
                if (node.name.text == "main" && isStatic) || (node.name.text == "run" && !isStatic && !type.hasStaticMain) {
                    site.isEntryPoint = true
                    site.selfBootstrapLine = selfBootstrapLine
                }
            }
            if let generics = node.genericParameterClause, generics.description.contains("~Copyable") {
                site.unsupportedReason = "a ~Copyable generic value cannot be captured by the span closure"
            }
            add(site, body: body, isInitializer: false)
        }
        walkBody(node.body, of: node, named: node.name.text, parameters: node.signature.parameterClause.parameters)
        return .skipChildren
    }

    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        if let body = node.body {
            let signature = node.signature
            let site = makeSite(
                kind: .initializer, name: "init", parameters: signature.parameterClause.parameters,
                effects: (signature.effectSpecifiers?.asyncSpecifier != nil, signature.effectSpecifiers?.throwsClause),
                returnType: nil, attributes: node.attributes, modifiers: node.modifiers, declaration: node
            )
            add(site, body: body, isInitializer: true)
        }
        walkBody(node.body, of: node, named: "init", parameters: node.signature.parameterClause.parameters)
        return .skipChildren
    }

    /// Walks only a function's body (its signature holds no sites), inside the function's scope.
    private func walkBody(_ body: CodeBlockSyntax?, of node: some SyntaxProtocol, named name: String, parameters: FunctionParameterListSyntax) {
        guard let body else { return }
        enterFunction(name, parameters: parameters, node)
        walk(body)
        leaveFunction(node)
    }

    override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind {
        collectAccessorBlock(
            node.accessorBlock, name: "subscript", kind: .subscript, parameters: node.parameterClause.parameters,
            returnType: node.returnClause.type, attributes: node.attributes, modifiers: node.modifiers, declaration: node
        )
        enterFunction("subscript", parameters: node.parameterClause.parameters, node)
        return .visitChildren
    }
    override func visitPost(_ node: SubscriptDeclSyntax) { leaveFunction(node) }

    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind {
        scopes.append([:])
        return .visitChildren
    }
    override func visitPost(_ node: ClosureExprSyntax) { scopes.removeLast() }

    private func collectAccessors(of node: VariableDeclSyntax) {
        guard let binding = node.bindings.first, node.bindings.count == 1,
            let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text
        else { return }
        collectAccessorBlock(
            binding.accessorBlock, name: name, kind: .accessor, parameters: nil, returnType: binding.typeAnnotation?.type,
            attributes: node.attributes, modifiers: node.modifiers, declaration: node
        )
    }

    private func collectAccessorBlock(
        _ block: AccessorBlockSyntax?, name: String, kind: DeclarationSite.Kind,
        parameters: FunctionParameterListSyntax?, returnType: TypeSyntax?,
        attributes: AttributeListSyntax, modifiers: DeclModifierListSyntax, declaration: some DeclSyntaxProtocol
    ) {
        guard let block else { return }
        switch block.accessors {
        case .getter(let statements):
            var site = makeSite(
                kind: kind, name: name, parameters: parameters, effects: (false, nil), returnType: returnType,
                attributes: attributes, modifiers: modifiers, declaration: declaration)
            site.accessorKind = "get"
            addBody(site, open: block.leftBrace, statements: statements, close: block.rightBrace, isInitializer: false)
        case .accessors(let accessors):
            for accessor in accessors {
                guard let body = accessor.body else { continue }
                let word = accessor.accessorSpecifier.text
                var site = makeSite(
                    kind: kind, name: name, parameters: parameters,
                    effects: (accessor.effectSpecifiers?.asyncSpecifier != nil, accessor.effectSpecifiers?.throwsClause),
                    returnType: word == "get" ? returnType : nil,
                    attributes: Array(attributes) + Array(accessor.attributes), modifiers: modifiers, declaration: declaration
                )
                site.accessorKind = word
                if !["get", "set", "willSet", "didSet"].contains(word) {
                    site.unsupportedReason = "a '\(word)' accessor yields or initializes storage and cannot be wrapped"
                }
                add(site, body: body, isInitializer: false)
            }
        }
    }

    private func enterFunction(_ name: String, parameters: FunctionParameterListSyntax, _ node: some SyntaxProtocol) {
        functionStack.append(name)
        var scope: [String: String] = [:]
        for parameter in parameters where tracksReceivers {
            scope[(parameter.secondName ?? parameter.firstName).text] = text(parameter.type)
        }
        scopes.append(scope)
        if isIgnored(node) { ignoreDepth += 1 }
    }

    private func leaveFunction(_ node: some SyntaxProtocol) {
        functionStack.removeLast()
        scopes.removeLast()
        if isIgnored(node) { ignoreDepth -= 1 }
    }

    // MARK: Calls

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        let callee: String
        var receiver: String?
        var wrappableReceiver: WrappableReceiver?
        if let reference = node.calledExpression.as(DeclReferenceExprSyntax.self) {
            callee = reference.baseName.text
        } else if let member = node.calledExpression.as(MemberAccessExprSyntax.self), let base = member.base {
            callee = member.declName.baseName.text
            receiver = text(base)
            wrappableReceiver = Self.wrappableReceiver(base)
        } else {
            return .visitChildren
        }
        // Initializer calls (`Foo(...)`) are not call sites.
        if receiver == nil, callee.first?.isUppercase == true { return .visitChildren }
        guard calls.admits(callee: callee) else { return .visitChildren }
        var labels = node.arguments.map { $0.label?.text ?? "_" }
        if node.trailingClosure != nil { labels.append("_") }
        labels += node.additionalTrailingClosures.map { $0.label.text }
        let effects = CallEffects(of: node)
        var site = CallSite(
            callee: callee, labels: labels, receiver: receiver, receiverType: receiver.flatMap(receiverType),
            enclosingFunction: functionStack.last, enclosingTypes: typeStack.map(\.name),
            isIgnored: ignoreDepth > 0, location: location(node)
        )
        if functionStack.isEmpty {
            site.unsupportedReason = "a call outside a function body (a property initializer or global) is not wrapped"
        } else if effects.insideAutoclosureOperand {
            site.unsupportedReason = "the call is an operand of '??', '&&' or '||', whose right side is an autoclosure"
        }
        sites.append(
            CollectedSite(
                site: .call(site),
                target: .call(
                    CallTarget(
                        start: node.positionAfterSkippingLeadingTrivia, end: node.endPositionBeforeTrailingTrivia,
                        underTry: effects.underTry, underAwait: effects.underAwait, receiver: wrappableReceiver))
            ))
        return .visitChildren
    }

    /// A receiver a function can take: a value, or an optional the call unwraps (`session?`, `session!`). Not `super`
    /// or a type (`Client.make(...)`, `Self`).
    static func wrappableReceiver(_ base: ExprSyntax) -> WrappableReceiver? {
        if let optional = base.as(OptionalChainingExprSyntax.self) {
            return wrappableValue(optional.expression).map { .optional(end: $0.upperBound) }
        }
        if let forced = base.as(ForceUnwrapExprSyntax.self) {
            return wrappableValue(forced.expression).map { .optional(end: $0.upperBound) }
        }
        return wrappableValue(base).map { .value($0) }
    }

    private static func wrappableValue(_ base: ExprSyntax) -> Range<AbsolutePosition>? {
        if base.is(SuperExprSyntax.self) || base.is(OptionalChainingExprSyntax.self) || base.is(ForceUnwrapExprSyntax.self)
            || base.is(GenericSpecializationExprSyntax.self) || base.is(TypeExprSyntax.self)
        {
            return nil
        }
        let lastName = base.as(DeclReferenceExprSyntax.self)?.baseName.text ?? base.as(MemberAccessExprSyntax.self)?.declName.baseName.text
        if let lastName, lastName.first?.isUppercase == true || lastName == "Type" || lastName == "self" && base.is(MemberAccessExprSyntax.self) {
            return nil
        }
        return base.positionAfterSkippingLeadingTrivia..<base.endPositionBeforeTrailingTrivia
    }

    private func receiverType(_ receiver: String) -> String? {
        let root = String(receiver.prefix { $0 != "." && $0 != "(" && $0 != "[" && $0 != "?" && $0 != "!" })
        if root.first?.isUppercase == true { return root }
        let name = root == "self" ? String(receiver.dropFirst(5).prefix { $0 != "." && $0 != "(" }) : root
        for scope in scopes.reversed() {
            if let type = scope[name] { return type.trimmingSuffix("?").trimmingSuffix("!") }
        }
        return nil
    }

    // MARK: Sites

    private func makeSite(
        kind: DeclarationSite.Kind, name: String, parameters: FunctionParameterListSyntax?,
        effects: (isAsync: Bool, throwsClause: ThrowsClauseSyntax?), returnType: TypeSyntax?,
        attributes: some Sequence<AttributeListSyntax.Element>, modifiers: DeclModifierListSyntax, declaration: some SyntaxProtocol
    ) -> DeclarationSite {
        let attributeNames = attributes.compactMap { $0.as(AttributeSyntax.self).map { text($0.attributeName) } }
        let modifierWords = modifiers.map(\.name.text)
        let access = modifierWords.first { FunctionPattern.accessLevels.contains($0) } ?? "internal"
        var throwing = DeclarationSite.Throwing.none
        var thrownType: String?
        if let clause = effects.throwsClause {
            if clause.throwsSpecifier.text == "rethrows" {
                throwing = .rethrows
            } else if let type = clause.type {
                throwing = .typed
                thrownType = text(type)
            } else {
                throwing = .throws
            }
        }
        let params = (parameters ?? []).map { p in
            DeclarationSite.Parameter(
                label: p.firstName.text, name: (p.secondName ?? p.firstName).text, type: text(p.type),
                isInout: p.type.as(AttributedTypeSyntax.self)?.specifiers.contains { $0.trimmedDescription == "inout" } ?? false
            )
        }
        let returnText = returnType.map { text($0) }
        var site = DeclarationSite(
            kind: kind, name: name, enclosingTypes: typeStack.map(\.name), enclosingInherits: typeStack.last?.inherits ?? [],
            parameters: params, isAsync: effects.isAsync, throwing: throwing, thrownType: thrownType,
            returnType: returnText == "Void" || returnText == "()" ? nil : returnText,
            attributes: attributeNames, access: access, modifiers: modifierWords.filter { !FunctionPattern.accessLevels.contains($0) },
            directive: (hasDirectives ? CommentDirectives.directive(on: declaration) : nil), isIgnored: ignoreDepth > 0 || isIgnored(declaration),
            location: location(declaration)
        )
        site.unsupportedReason = Unsupported.reason(for: site)
        return site
    }

    /// The top-level code of `main.swift`, as a site whose advice goes before its first statement.
    func collectTopLevelCode(_ tree: SourceFileSyntax) {
        guard path.split(separator: "/").last == "main.swift",
            let first = tree.statements.first(where: { !$0.item.is(ImportDeclSyntax.self) })
        else { return }
        // A `main.swift` whose entry point is an `@main` type is compiled as a library file (SwiftPM passes
        // -parse-as-library): it has no top-level code, and the type's `main()` is the entry point.
        if tree.statements.contains(where: Self.declaresMainType) { return }
        var site = DeclarationSite(kind: .topLevelCode, name: "main", location: location(first))
        site.isEntryPoint = true
        site.selfBootstrapLine = selfBootstrapLine
        site.isIgnored = isIgnored(first)
        sites.append(
            CollectedSite(
                site: .declaration(site),
                target: .body(
                    BodyTarget(
                        afterOpenBrace: first.positionAfterSkippingLeadingTrivia, closeBrace: tree.endPosition,
                        statements: [], isImplicitReturn: false, isInitializer: true, line: site.location.line
                    ))
            ))
    }

    /// Whether a top-level item is a type marked `@main`.
    static func declaresMainType(_ item: CodeBlockItemSyntax) -> Bool {
        guard let declaration = item.item.as(DeclSyntax.self), let attributed = declaration.asProtocol(WithAttributesSyntax.self) else {
            return false
        }
        return attributed.attributes.contains { $0.as(AttributeSyntax.self)?.attributeName.trimmedDescription == "main" }
    }

    private func add(_ site: DeclarationSite, body: CodeBlockSyntax, isInitializer: Bool) {
        addBody(site, open: body.leftBrace, statements: body.statements, close: body.rightBrace, isInitializer: isInitializer)
    }

    private func addBody(
        _ site: DeclarationSite, open: TokenSyntax, statements: CodeBlockItemListSyntax, close: TokenSyntax,
        isInitializer: Bool
    ) {
        let returnsValue = site.returnType != nil && site.returnType != "Never"
        let isImplicitReturn =
            returnsValue && statements.count == 1
            && statements.first.map { item in
                if case .expr = item.item { return true }
                return false
            } ?? false
        sites.append(
            CollectedSite(
                site: .declaration(site),
                target: .body(
                    BodyTarget(
                        afterOpenBrace: open.endPositionBeforeTrailingTrivia, closeBrace: close.positionAfterSkippingLeadingTrivia,
                        statements: statements, isImplicitReturn: isImplicitReturn, isInitializer: isInitializer,
                        line: lines.position(of: open.positionAfterSkippingLeadingTrivia.utf8Offset).line
                    ))
            ))
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}

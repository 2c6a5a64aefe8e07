import InstSwiftCore
@_spi(RawSyntax) import SwiftSyntax

/// One pass over a Swift file that records every declaration with a body and every call a rule could select.
final class SiteCollector: SyntaxVisitor {
    let lines: LineTable
    let path: String
    /// The calls the rules can select; others are not collected.
    private let calls: CallInterest
    /// The declarations the rules can select or come close to; others get no site.
    private let declarations: DeclarationInterest
    /// Text a statement must contain to hold anything collectable; nil when that cannot be bounded.
    private let statementNeedles: ByteNeedles?
    /// What the pass collected, in source order.
    var sites: [CollectedSite] = []
    /// Every module the file imports (at top level or inside `#if`).
    private(set) var imports = Set<String>()
    /// Whether the file has an `@testable import`.
    private(set) var hasTestableImport = false
    /// Where the last top-level import ends (its statement's `;` included), for imports added after it.
    private(set) var lastTopLevelImportEnd: Int?

    /// Enclosing types, outermost first, with their inheritance clauses.
    var typeStack: [(name: String, inherits: [String], isMain: Bool, hasStaticMain: Bool, genericParameters: [String], nonSendableParameters: [String])] = []
    /// The generic parameters each enclosing type or extension declares without `Copyable` or `Escapable`.
    var suppressedParameterStack: [[String]] = []
    /// The line where the file bootstraps tracing itself, if it does.
    var selfBootstrapLine: Int?
    /// The module declares a `~=` operator (``PatternMatchOperators``).
    var declaresPatternMatchOperators = false
    /// Names of enclosing functions, innermost last.
    var functionStack: [String] = []
    /// The isolation each enclosing function or closure writes for its body, innermost last; nil for a closure.
    var isolationStack: [AsyncBodyIsolation?] = []
    /// Whether an enclosing declaration is opted out by `// instswift:ignore`.
    var ignoreDepth = 0
    /// The types of variables in scope, for the receivers of calls.
    private var receiverTypes: ReceiverTypes

    /// Source text of nodes, from the file's bytes.
    let text: NodeText
    /// Whether the file has any `instswift:` comment; most files have none, and trivia is costly to read.
    let hasDirectives: Bool

    /// Types that are not `Copyable` or not `Escapable` (``NoncopyableTypes``): the module's, the file's and the
    /// standard library's.
    let noncopyableTypes: Set<String>

    /// Whether the file names the standard library's `Span` without importing Tracing: the `import Tracing` an
    /// inlinable body's span needs would make that name Tracing's protocol (swift-extras-base64's `Span<UInt8>`).
    let namesStandardSpan: Bool

    /// Prepares a pass over `tree`, parsed from `source`, collecting the calls `calls` admits. `noncopyableTypes`: the
    /// module's types that are not `Copyable` or not `Escapable` (the file's own are found here).
    /// Result builders (``ResultBuilderTypes``): the module's, the file's and those of modules compiled before it.
    let resultBuilderTypes: Set<String>
    /// Generic types whose parameters are not all required to be `Sendable` (``GenericTypeScan``), for extensions: the
    /// module's, the file's and those of modules compiled before it.
    let genericTypes: [String: [String]]

    init(
        path: String, source: String, calls: CallInterest, declarations: DeclarationInterest, noncopyableTypes: Set<String> = [],
        resultBuilderTypes: Set<String> = [], genericTypes: Set<String> = []
    ) {
        self.path = path
        let bytes = Array(source.utf8)
        self.namesStandardSpan =
            containsBytes(bytes, Array("Span".utf8)) && source.contains(/\bSpan\b/)
            && !source.contains(/^[ \t]*(?:@\w+[ \t]+)*(?:\w+[ \t]+)?import[ \t]+Tracing\b/.anchorsMatchLineEndings())
        self.noncopyableTypes = NoncopyableTypes.standardLibrary.union(noncopyableTypes).union(NoncopyableTypes.declared(in: source))
        let builders = resultBuilderTypes.union(ResultBuilderTypes.declared(in: source))
        self.resultBuilderTypes = builders.union(ResultBuilderTypes.aliases(in: source, of: builders))
        // A build passes the module's, this file's among them; `instswift rewrite` and `explain` of one file pass none,
        // and the file's own are scanned here.
        let hasExtensions = containsBytes(bytes, Array("extension".utf8))
        let generics = genericTypes.isEmpty && hasExtensions ? GenericTypeScan.declared(in: source) : genericTypes
        self.genericTypes = hasExtensions ? GenericTypeScan.table(generics) : [:]
        self.text = NodeText(bytes: bytes)
        self.hasDirectives = containsBytes(bytes, Array("instswift:".utf8))
        self.lines = LineTable(bytes)
        self.calls = calls
        self.declarations = declarations
        self.receiverTypes = ReceiverTypes(isTracking: calls != .none, text: text)
        // A statement holds a site only through a nested declaration or a call a rule can select.
        self.statementNeedles = calls.requiredSubstrings.map { ByteNeedles(Self.declarationKeywords + $0) }
        super.init(viewMode: .sourceAccurate)
    }

    /// Words every nested declaration with a body starts with or contains (`var` for local accessors).
    static let declarationKeywords = ["func", "init", "subscript", "var"]

    func isIgnored(_ node: some SyntaxProtocol) -> Bool {
        hasDirectives && CommentDirectives.isIgnored(node)
    }

    func location(_ node: some SyntaxProtocol) -> InstSwiftCore.SourceLocation {
        let (line, column) = lines.position(of: node.positionAfterSkippingLeadingTrivia.utf8Offset)
        return InstSwiftCore.SourceLocation(file: path, line: line, column: column)
    }

    // MARK: Skipping

    /// Statements whose text holds no nested declaration and no selectable call are not walked.
    /// (Whether the item is a declaration is read from the raw tree: reading `item` makes the statement's nodes.)
    override func visit(_ node: CodeBlockItemSyntax) -> SyntaxVisitorContinueKind {
        let isDeclaration = RawCodeBlockItemSyntax(node.raw).map { RawDeclSyntax($0.item) != nil } ?? true
        return isDeclaration || mayHoldSites(node) ? .visitChildren : .skipChildren
    }

    /// Whether the node's text contains anything collectable (true when that cannot be bounded).
    private func mayHoldSites(_ node: some SyntaxProtocol) -> Bool {
        mayHoldSites(bytes: node.position.utf8Offset..<node.endPosition.utf8Offset)
    }

    /// Whether the file's bytes in `range` contain anything collectable (true when that cannot be bounded).
    private func mayHoldSites(bytes range: Range<Int>) -> Bool {
        guard let statementNeedles else { return true }
        let start = range.lowerBound, end = min(range.upperBound, text.bytes.count)
        guard start < end else { return false }
        return text.bytes.withUnsafeBufferPointer { statementNeedles.occur(in: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    // MARK: Types

    /// Enters a type or an extension (`generics`: its generic parameter clause; an extension has none of its own, and
    /// `nonSendableParameters` are the extended type's). Generic over the declaration so that its parts are read
    /// without a dynamic cast (`asProtocol` looks the conformance up at run time, several times per type).
    private func enterType(
        _ name: String, _ node: some DeclGroupSyntax, generics: GenericParameterClauseSyntax?, nonSendableParameters: [String]? = nil
    ) {
        let isMain = node.attributes.contains { $0.as(AttributeSyntax.self).map { text($0.attributeName) } == "main" }
        // Only an `@main` type's members decide its entry point; scanning every type's members cost ~4% of a rewrite.
        let hasStaticMain =
            isMain
            && node.memberBlock.members.contains { member in
                guard let function = member.decl.as(FunctionDeclSyntax.self) else { return false }
                return function.name.text == "main" && function.modifiers.contains { $0.name.text == "static" }
            }
        // An extension's are those of the extended type that the module's scan recorded.
        let genericParameters = nonSendableParameters ?? generics?.parameters.map(\.name.text) ?? []
        typeStack.append(
            (
                name, node.inheritanceClause?.inheritedTypes.map { text($0.type) } ?? [], isMain, hasStaticMain, genericParameters,
                nonSendableParameters ?? EnclosingGenericResults.nonSendableParameters(generics, where: node.genericWhereClause)
            ))
        suppressedParameterStack.append(NoncopyableTypes.suppressedParameters(generics, where: node.genericWhereClause))
        receiverTypes.enterType(members: node.memberBlock.members)
        if isIgnored(node) { ignoreDepth += 1 }
    }

    private func leaveType(_ node: some SyntaxProtocol) {
        typeStack.removeLast()
        suppressedParameterStack.removeLast()
        receiverTypes.leave()
        if isIgnored(node) { ignoreDepth -= 1 }
    }

    /// Walks a type's attributes (when they may hold a call) and its members' declarations, in the type's scope: not
    /// its keyword, name, clauses and braces, which hold no site (a visitor makes a node for every token it passes).
    private func walkType(_ node: some DeclGroupSyntax, named name: String, generics: GenericParameterClauseSyntax?, nonSendableParameters: [String]? = nil) {
        enterType(name, node, generics: generics, nonSendableParameters: nonSendableParameters)
        if !node.attributes.isEmpty, mayHoldSites(node.attributes) { walk(node.attributes) }
        walk(node.memberBlock.members)
        leaveType(node)
    }

    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind {
        walkType(node, named: node.name.text, generics: node.genericParameterClause); return .skipChildren
    }
    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind {
        walkType(node, named: node.name.text, generics: node.genericParameterClause); return .skipChildren
    }
    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind {
        walkType(node, named: node.name.text, generics: node.genericParameterClause); return .skipChildren
    }
    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind {
        walkType(node, named: node.name.text, generics: node.genericParameterClause); return .skipChildren
    }
    override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
        let extended = text(node.extendedType)
        let parameters = EnclosingGenericResults.nonSendableParameters(of: node, extendedType: extended, genericTypes: genericTypes)
        walkType(node, named: extended, generics: nil, nonSendableParameters: parameters)
        return .skipChildren
    }
    override func visit(_ node: ImportDeclSyntax) -> SyntaxVisitorContinueKind {
        imports.insert(text(node.path))
        if let item = node.parent, item.parent?.parent?.is(SourceFileSyntax.self) == true {
            lastTopLevelImportEnd = item.endPositionBeforeTrailingTrivia.utf8Offset
        }
        if node.attributes.contains(where: { $0.as(AttributeSyntax.self)?.attributeName.trimmedDescription == "testable" }) {
            hasTestableImport = true
        }
        return .skipChildren
    }
    override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: MacroExpansionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
        if !functionStack.isEmpty { receiverTypes.declare(node) }
        collectAccessors(of: node)
        // Only the attributes, initial values and accessors can hold sites: the pattern, type and keywords are not walked,
        // and the attributes only before a value or accessor that is.
        var attributesWalked = false
        func walkPart(_ part: some SyntaxProtocol) {
            guard mayHoldSites(part) else { return }
            if !attributesWalked, !node.attributes.isEmpty, mayHoldSites(node.attributes) { walk(node.attributes) }
            attributesWalked = true
            walk(part)
        }
        for binding in node.bindings {
            if let value = binding.initializer?.value { walkPart(value) }
            if let accessors = binding.accessorBlock { walkPart(accessors) }
        }
        return .skipChildren
    }

    // MARK: Declarations

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        if let body = node.body, declarations.admits(name: node.name.text) {
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
            if site.unsupported == nil, let generics = node.genericParameterClause, generics.description.contains("~Copyable") {
                site.unsupported = .closures("a ~Copyable generic value cannot be captured by the span closure")
            }

            add(
                site, body: body, isInitializer: false, ownGenericParameters: node.genericParameterClause,
                isolation: isolation(of: node))
        }
        walkBody(node.body, of: node, named: node.name.text, signature: node.signature)
        return .skipChildren
    }

    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        if let body = node.body, declarations.admits(name: "init") {
            let signature = node.signature
            let site = makeSite(
                kind: .initializer, name: "init", parameters: signature.parameterClause.parameters,
                effects: (signature.effectSpecifiers?.asyncSpecifier != nil, signature.effectSpecifiers?.throwsClause),
                returnType: nil, attributes: node.attributes, modifiers: node.modifiers, declaration: node
            )
            add(site, body: body, isInitializer: true, isolation: isolation(of: node))
        }
        walkBody(node.body, of: node, named: "init", signature: node.signature)
        return .skipChildren
    }

    /// Walks only a function's body (its signature holds no sites), inside the function's scope; not at all when its text
    /// holds no nested declaration and no selectable call (walking makes every node of it, most of a walk's time).
    private func walkBody(
        _ body: CodeBlockSyntax?, of node: some WithAttributesSyntax & WithModifiersSyntax, named name: String,
        signature: @autoclosure () -> FunctionSignatureSyntax
    ) {
        // The parameters are read only for a body that is walked: reading them makes the signature's nodes.
        guard let body, mayHoldSites(body) else { return }
        enterFunction(name, signature: signature(), node)
        walk(body)
        leaveFunction(node)
    }

    override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind {
        collectAccessorBlock(
            node.accessorBlock, name: "subscript", kind: .subscript, parameters: node.parameterClause.parameters,
            returnType: node.returnClause.type, attributes: node.attributes, modifiers: node.modifiers, declaration: node
        )
        enterFunction("subscript", signature: node.parameterClause, node)
        return .visitChildren
    }
    override func visitPost(_ node: SubscriptDeclSyntax) { leaveFunction(node) }

    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind {
        receiverTypes.enterClosure()
        isolationStack.append(nil)
        return .visitChildren
    }
    override func visitPost(_ node: ClosureExprSyntax) {
        receiverTypes.leave()
        isolationStack.removeLast()
    }

    private func collectAccessors(of node: VariableDeclSyntax) {
        // The accessor block first, from the raw tree: most variables have none, and reading the bindings makes their nodes.
        guard let first = RawVariableDeclSyntax(node.raw)?.bindings.raw.layoutView?.children.first,
            first.flatMap(RawPatternBindingSyntax.init)?.accessorBlock != nil,
            let binding = node.bindings.first, let block = binding.accessorBlock, node.bindings.count == 1,
            let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text
        else { return }
        collectAccessorBlock(
            block, name: name, kind: .accessor, parameters: nil, returnType: binding.typeAnnotation?.type,
            attributes: node.attributes, modifiers: node.modifiers, declaration: node
        )
    }

    private func collectAccessorBlock(
        _ block: AccessorBlockSyntax?, name: String, kind: DeclarationSite.Kind,
        parameters: FunctionParameterListSyntax?, returnType: TypeSyntax?,
        attributes: AttributeListSyntax, modifiers: DeclModifierListSyntax, declaration: some DeclSyntaxProtocol
    ) {
        guard let block, declarations.admits(name: name) else { return }
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
                    site.unsupported = .everyEdit("a '\(word)' accessor yields or initializes storage and cannot be wrapped")
                } else if word == "willSet" || word == "didSet", site.unsupported == nil {
                    site.unsupported = ObserverSelfMutation.unsupportedReason(property: name, body: body).map(UnsupportedConstruct.closures)
                }
                add(
                    site, body: body, isInitializer: false,
                    isolation: AsyncBodyIsolation(attributes: Array(attributes) + Array(accessor.attributes), modifiers: modifiers))
            }
        }
    }

    private func enterFunction(_ name: String, signature: some SyntaxProtocol, _ node: some WithAttributesSyntax & WithModifiersSyntax) {
        functionStack.append(name)
        isolationStack.append(isolation(of: node))
        receiverTypes.enterFunction(signature: signature)
        if isIgnored(node) { ignoreDepth += 1 }
    }

    /// The isolation a declaration writes for its body; its attributes and modifiers are read only when their text holds
    /// `nonsending` or `concurrent` (nearly none does, and reading them makes their nodes).
    private func isolation(of node: some WithAttributesSyntax & WithModifiersSyntax) -> AsyncBodyIsolation {
        let range = node.attributes.position.utf8Offset..<min(node.modifiers.endPosition.utf8Offset, text.bytes.count)
        guard !range.isEmpty else { return .unwritten }
        let written = text.bytes[range].withUnsafeBufferPointer { bytes in
            containsBytes(bytes, Self.nonsendingWord) || containsBytes(bytes, Self.concurrentWord)
        }
        return written ? AsyncBodyIsolation(attributes: node.attributes, modifiers: node.modifiers) : .unwritten
    }

    private static let nonsendingWord = Array("nonsending".utf8), concurrentWord = Array("concurrent".utf8)

    private func leaveFunction(_ node: some SyntaxProtocol) {
        functionStack.removeLast()
        isolationStack.removeLast()
        receiverTypes.leave()
        if isIgnored(node) { ignoreDepth -= 1 }
    }

    // MARK: Calls

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        collectCall(node)
        walkParts(of: node)
        return .skipChildren
    }

    /// Walks the parts of a call that can hold sites (its receiver, arguments and closures), each only when its text
    /// may: not the callee's name, labels and parentheses (a visitor makes a node for every token it passes).
    private func walkParts(of node: FunctionCallExprSyntax) {
        let called = node.calledExpression
        if let member = called.as(MemberAccessExprSyntax.self) {
            if let base = member.base, mayHoldSites(base) { walk(base) }
        } else if !called.is(DeclReferenceExprSyntax.self), mayHoldSites(called) {
            walk(called)
        }
        for argument in node.arguments where mayHoldSites(argument.expression) { walk(argument.expression) }
        if let closure = node.trailingClosure, mayHoldSites(closure) { walk(closure) }
        for closure in node.additionalTrailingClosures where mayHoldSites(closure.closure) { walk(closure.closure) }
    }

    /// A call site for `node` when a rule can select its callee.
    private func collectCall(_ node: FunctionCallExprSyntax) {
        let callee: String
        var base: ExprSyntax?
        if let reference = node.calledExpression.as(DeclReferenceExprSyntax.self) {
            callee = reference.baseName.text
        } else if let member = node.calledExpression.as(MemberAccessExprSyntax.self), let memberBase = member.base {
            callee = member.declName.baseName.text
            base = memberBase
        } else {
            return
        }
        // Initializer calls (`Foo(...)`) are not call sites.
        if base == nil, callee.first?.isUppercase == true { return }
        guard calls.admits(callee: callee) else { return }
        let receiver = base.map { text($0) }
        var labels = node.arguments.map { $0.label?.text ?? "_" }
        if node.trailingClosure != nil { labels.append("_") }
        labels += node.additionalTrailingClosures.map { $0.label.text }
        let effects = CallEffects(of: node)
        var site = CallSite(
            callee: callee, labels: labels, receiver: receiver, receiverType: receiver.flatMap { receiverTypes.type(ofReceiver: $0) },
            enclosingFunction: functionStack.last, enclosingTypes: typeStack.map(\.name),
            isIgnored: ignoreDepth > 0, location: location(node)
        )
        if functionStack.isEmpty {
            site.unsupported = .everyEdit("a call outside a function body (a property initializer or global) is not wrapped")
        } else if effects.insideAutoclosureOperand {
            site.unsupported = .everyEdit("the call is an operand of '??', '&&' or '||', whose right side is an autoclosure")
        }
        sites.append(
            CollectedSite(
                site: .call(site),
                target: .call(
                    CallTarget(
                        start: node.positionAfterSkippingLeadingTrivia, end: node.endPositionBeforeTrailingTrivia,
                        underTry: effects.underTry, underAwait: effects.underAwait, receiver: base.flatMap(WrappableReceiver.init),
                        enclosingIsolation: isolationStack.last.flatMap { $0 }))
            ))
    }
}

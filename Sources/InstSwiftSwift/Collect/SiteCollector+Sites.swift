import InstSwiftCore
import SwiftSyntax

/// Making declaration sites and their body targets.
extension SiteCollector {
    func makeSite(
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
        // Not `parameters ?? []`: that makes an empty syntax tree for every accessor.
        let params: [DeclarationSite.Parameter] =
            parameters?.map { p in
                DeclarationSite.Parameter(
                    label: p.firstName.text, name: (p.secondName ?? p.firstName).text, type: text(p.type),
                    isInout: p.type.as(AttributedTypeSyntax.self)?.specifiers.contains { $0.trimmedDescription == "inout" } ?? false
                )
            } ?? []
        let returnText = returnType.map { ClosureResultTypeText.text($0, text) }
        var site = DeclarationSite(
            kind: kind, name: name, enclosingTypes: typeStack.map(\.name), enclosingInherits: typeStack.last?.inherits ?? [],
            parameters: params, isAsync: effects.isAsync, throwing: throwing, thrownType: thrownType,
            returnType: returnText == "Void" || returnText == "()" ? nil : returnText,
            attributes: attributeNames, access: access, modifiers: modifierWords.filter { !FunctionPattern.accessLevels.contains($0) },
            directive: (hasDirectives ? CommentDirectives.directive(on: declaration) : nil), isIgnored: ignoreDepth > 0 || isIgnored(declaration),
            location: location(declaration)
        )
        let suppressed = suppressedParameterStack.joined()
        let noncopyable = suppressed.isEmpty ? noncopyableTypes : noncopyableTypes.union(suppressed)
        site.unsupported = Unsupported.construct(for: site, noncopyable: noncopyable, resultBuilders: resultBuilderTypes)
        if site.unsupported == nil, let result = site.returnType, typeStack.contains(where: { !$0.nonSendableParameters.isEmpty }) {
            let clause = declaration.as(FunctionDeclSyntax.self)?.genericParameterClause ?? declaration.as(SubscriptDeclSyntax.self)?.genericParameterClause
            site.unsupported = EnclosingGenericResults.reason(
                result: result, own: Set(clause?.parameters.map(\.name.text) ?? []), enclosing: typeStack.flatMap(\.nonSendableParameters)
            ).map(UnsupportedConstruct.closures)
        }
        // Any advice that names the runtime imports `Tracing` into an inlinable body's file (``BodyRenderer``).
        if site.unsupported?.scope != .everyEdit, namesStandardSpan, site.attributes.contains(where: BodyRenderer.emittedIntoClients.contains) {
            site.unsupported = .everyEdit(
                "an inlinable body's span needs 'import Tracing' in its file, which would make the file's 'Span' Tracing's instead of the standard library's")
        }
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
                        statements: [], implicitReturns: [], isInitializer: true, line: site.location.line
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

    /// ``ShadowedResultTypes`` for a body's result type; only a type nested in another can shadow a name (most sites
    /// are not in one, and build nothing here).
    func resultTypeMayBeShadowed(_ result: String?, ownGenericParameters: GenericParameterClauseSyntax?) -> Bool {
        guard let result, typeStack.count > 1 else { return false }
        return ShadowedResultTypes.mayBeShadowed(
            result: result, own: Set(ownGenericParameters?.parameters.map { Substring($0.name.text) } ?? []),
            enclosing: typeStack.map { ($0.genericParameters, $0.inherits) })
    }

    func add(
        _ site: DeclarationSite, body: CodeBlockSyntax, isInitializer: Bool, ownGenericParameters: GenericParameterClauseSyntax? = nil,
        isolation: AsyncBodyIsolation = .unwritten
    ) {
        addBody(
            site, open: body.leftBrace, statements: body.statements, close: body.rightBrace, isInitializer: isInitializer,
            ownGenericParameters: ownGenericParameters, isolation: isolation)
    }

    static let catchKeyword = Array("catch".utf8)

    func addBody(
        _ site: DeclarationSite, open: TokenSyntax, statements: CodeBlockItemListSyntax, close: TokenSyntax,
        isInitializer: Bool, ownGenericParameters: GenericParameterClauseSyntax? = nil, isolation: AsyncBodyIsolation = .unwritten
    ) {
        var site = site
        let range = statements.position.utf8Offset..<min(statements.endPosition.utf8Offset, text.bytes.count)
        if !isInitializer, site.unsupported?.scope != .everyEdit, !range.isEmpty {
            // A result builder's body takes no statement either, so it is looked for even when a closure is ruled out.
            site.unsupported = text.bytes[range].withUnsafeBufferPointer { bytes in
                if let builder = InheritedResultBuilders.unsupportedReason(statements, returnType: site.returnType, bytes: bytes) {
                    return .everyEdit(builder)
                }
                if let known = site.unsupported { return known }
                let closureReason =
                    (containsBytes(bytes, Self.catchKeyword) ? TypedDoCatch.unsupportedReason(statements, thrownType: site.thrownType) : nil)
                    ?? OpaqueLocals.unsupportedReason(statements, bytes: bytes) ?? ImplicitTernaryClosures.unsupportedReason(statements, bytes: bytes)
                    ?? (declaresPatternMatchOperators ? PatternMatchOperators.unsupportedReason(statements, bytes: bytes) : nil)
                    ?? (site.capturedIsolatedParameter != nil ? IsolatedSelfCaptures.unsupportedReason(statements, bytes: bytes) : nil)
                return closureReason.map(UnsupportedConstruct.closures)
            }
        }
        let returnsValue = site.returnType != nil && site.returnType != "Never"
        // A failable initializer's body may be `{ nil }` (multipart-kit 4.7.1's tests): after the span's statements it
        // needs its `return`, as a function's single expression does.
        let isNil = isInitializer && statements.count == 1 && statements.first?.item.is(NilLiteralExprSyntax.self) == true
        let implicitReturns = returnsValue || isNil ? ImplicitReturns.positions(in: statements) ?? [] : []
        sites.append(
            CollectedSite(
                site: .declaration(site),
                target: .body(
                    BodyTarget(
                        afterOpenBrace: open.endPositionBeforeTrailingTrivia, closeBrace: close.positionAfterSkippingLeadingTrivia,
                        statements: statements, implicitReturns: implicitReturns, isInitializer: isInitializer,
                        line: lines.position(of: open.positionAfterSkippingLeadingTrivia.utf8Offset).line,
                        mayReturnModifierWord: !range.isEmpty && text.bytes[range].withUnsafeBufferPointer(ReturnedModifierWords.mayOccur),
                        resultTypeMayBeShadowed: resultTypeMayBeShadowed(site.returnType, ownGenericParameters: ownGenericParameters),
                        isolation: isolation
                    ))
            ))
    }
}

import SwiftParser
import SwiftSyntax

/// Adds a product dependency to a target wherever the manifest declares it. SwiftPM's own editor
/// (`swift package add-target-dependency`) finds only targets written inside `Package(targets: [...])`, so manifests
/// that append targets later (`pkg.targets.append(.testTarget(name: ...))`) made `instswift pin` fail with "unable to
/// find target named ..."; and it edits the first `.target(name:)` call naming the target, which may be a *reference*
/// in another target's `dependencies:` (vapor/console-kit 4.16.2: `extra argument 'dependencies'`).
enum ManifestTargetEditor {
    static let targetFactories: Set<String> = ["target", "testTarget", "executableTarget", "macro", "plugin", "systemLibrary"]

    /// The manifest with `.product(name: product, package: package)` added to the target's `dependencies:`, or nil when
    /// no `.target(name: "<target>", ...)`-like call names the target. Every call that names it is edited: manifests
    /// declare a target once per `#if` branch (weichsel/ZIPFoundation: `#if canImport(Compression)` ... `#else`), and
    /// only the build decides which branch counts.
    static func addingProduct(_ product: String, package: String, toTarget target: String, in manifest: String) -> String? {
        let tree = Parser.parse(source: manifest)
        let finder = TargetCallFinder(target: target, factories: targetFactories)
        finder.walk(tree)
        guard !finder.found.isEmpty else { return nil }
        let dependency = ".product(name: \"\(product)\", package: \"\(package)\")"
        var edits: [(offset: Int, text: String)] = []
        for call in finder.found {
            guard let edit = insertion(of: dependency, into: call) else { return nil }
            edits.append(edit)
        }
        var bytes = Array(manifest.utf8)
        for edit in edits.sorted(by: { $0.offset > $1.offset }) { bytes.insert(contentsOf: Array(edit.text.utf8), at: edit.offset) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The manifest with `dependency` (a `.package(...)` expression) added to `Package(dependencies:)` when that is not
    /// an array literal (`dependencies: dep`, swiftlang/swift-subprocess), which `swift package add-dependency` cannot
    /// edit; nil otherwise.
    static func addingPackageDependency(_ dependency: String, in manifest: String) -> String? {
        let tree = Parser.parse(source: manifest)
        let finder = PackageCallFinder(viewMode: .sourceAccurate)
        finder.walk(tree)
        guard let argument = finder.dependencies, !argument.expression.is(ArrayExprSyntax.self) else { return nil }
        var bytes = Array(manifest.utf8)
        bytes.insert(contentsOf: Array(" + [\(dependency)]".utf8), at: argument.expression.endPositionBeforeTrailingTrivia.utf8Offset)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Where and what to insert to add `dependency` to one target call, or nil when it names no `name:`.
    private static func insertion(of dependency: String, into call: FunctionCallExprSyntax) -> (offset: Int, text: String)? {
        if let dependencies = call.arguments.first(where: { $0.label?.text == "dependencies" }) {
            guard let array = dependencies.expression.as(ArrayExprSyntax.self) else {
                // `dependencies: helpers` (Quick/Nimble): the variable's elements, then the product.
                return (dependencies.expression.endPositionBeforeTrailingTrivia.utf8Offset, " + [\(dependency)]")
            }
            if let last = array.elements.last {
                return (last.endPositionBeforeTrailingTrivia.utf8Offset, (last.trailingComma == nil ? ", " : " ") + dependency)
            }
            return (array.leftSquare.endPositionBeforeTrailingTrivia.utf8Offset, dependency)
        }
        guard let name = call.arguments.first(where: { $0.label?.text == "name" }) else { return nil }
        // `dependencies:` follows `name:` in every target factory.
        let offset = (name.trailingComma ?? nil).map { $0.endPositionBeforeTrailingTrivia.utf8Offset } ?? name.endPositionBeforeTrailingTrivia.utf8Offset
        return (offset, (name.trailingComma == nil ? ", " : " ") + "dependencies: [\(dependency)]" + (name.trailingComma == nil ? "" : ","))
    }
}

/// Finds the `.target(name: "<target>", ...)`-like calls (any of the target factories) that name a target.
private final class TargetCallFinder: SyntaxVisitor {
    let target: String
    let factories: Set<String>
    var found: [FunctionCallExprSyntax] = []

    init(target: String, factories: Set<String>) {
        self.target = target
        self.factories = factories
        super.init(viewMode: .sourceAccurate)
    }

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        if let member = node.calledExpression.as(MemberAccessExprSyntax.self), factories.contains(member.declName.baseName.text),
            let name = node.arguments.first(where: { $0.label?.text == "name" }),
            let literal = name.expression.as(StringLiteralExprSyntax.self), literal.representedLiteralValue == target,
            // `.target(name:condition:)` is a dependency on a target, wherever it is written (apple/swift-crypto 4.5.2
            // keeps its dependencies in a variable: `dependencies = [.target(name: "CXKCP", condition: ...)]`).
            !node.arguments.contains(where: { $0.label?.text == "condition" })
        {
            found.append(node)
            return .skipChildren
        }
        return .visitChildren
    }

    /// A target's `dependencies:` names other targets (`.target(name: "ConsoleKitTerminal")`), never declares one.
    override func visit(_ node: LabeledExprSyntax) -> SyntaxVisitorContinueKind {
        node.label?.text == "dependencies" ? .skipChildren : .visitChildren
    }
}

/// Finds the `dependencies:` argument of the manifest's `Package(...)` call.
private final class PackageCallFinder: SyntaxVisitor {
    var dependencies: LabeledExprSyntax?

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        guard dependencies == nil, node.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text == "Package" else { return .visitChildren }
        dependencies = node.arguments.first { $0.label?.text == "dependencies" }
        return .skipChildren
    }
}

import InstSwiftCore
import SwiftSyntax

/// Adds `import` declarations on an existing line, so no line of the file moves: after the last top-level import
/// (`import Foundation; import InstSwiftRuntime`), or before the first statement when there is none.
struct ImportRenderer {
    let tree: SourceFileSyntax

    func edits(adding modules: [String]) -> [TextEdit] {
        let existing = Set(tree.statements.compactMap { $0.item.as(ImportDeclSyntax.self)?.path.trimmedDescription })
            .union(allImports())
        var seen = Set<String>()
        let missing = modules.filter { !existing.contains($0) && seen.insert($0).inserted }
        guard !missing.isEmpty else { return [] }
        let text = missing.map { "import \($0)" }.joined(separator: "; ")
        if let last = tree.statements.last(where: { $0.item.is(ImportDeclSyntax.self) }) {
            return [TextEdit(offset: last.endPositionBeforeTrailingTrivia.utf8Offset, text: InjectedRegion.wrap("; " + text))]
        }
        guard let first = tree.statements.first else { return [] }
        return [TextEdit(offset: first.positionAfterSkippingLeadingTrivia.utf8Offset, text: InjectedRegion.wrap(text + "; "), role: .open(length: Int.max))]
    }

    private func allImports() -> Set<String> {
        final class Finder: SyntaxVisitor {
            var names = Set<String>()
            override func visit(_ node: ImportDeclSyntax) -> SyntaxVisitorContinueKind {
                names.insert(node.path.trimmedDescription)
                return .skipChildren
            }
        }
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(tree)
        return finder.names
    }
}

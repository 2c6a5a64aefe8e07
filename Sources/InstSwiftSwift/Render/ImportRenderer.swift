import InstSwiftCore
import SwiftSyntax

/// Adds `import` declarations on an existing line, so no line of the file moves: after the last top-level import
/// (`import Foundation; import InstSwiftRuntime`), or before the first statement when there is none.
struct ImportRenderer {
    let tree: SourceFileSyntax
    /// Every module the file imports, at top level or inside `#if`.
    let existing: Set<String>
    /// Where the last top-level import statement ends, if the file has one (the collector records it: looking for it
    /// here made a node of every top-level statement).
    let lastImportEnd: Int?

    /// `publicly`: whether the imports say `public` (inlinable code uses them in a module whose imports are internal by
    /// default).
    func edits(adding modules: [String], publicly: Bool = false) -> [TextEdit] {
        var seen = Set<String>()
        let missing = modules.filter { !existing.contains($0) && seen.insert($0).inserted }
        guard !missing.isEmpty else { return [] }
        let text = missing.map { (publicly ? "public import " : "import ") + $0 }.joined(separator: "; ")
        if let lastImportEnd {
            return [TextEdit(offset: lastImportEnd, text: InjectedRegion.wrap("; " + text))]
        }
        guard let first = tree.statements.first else { return [] }
        return [TextEdit(offset: first.positionAfterSkippingLeadingTrivia.utf8Offset, text: InjectedRegion.wrap(text + "; "), role: .leading)]
    }
}

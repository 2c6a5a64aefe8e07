import InstSwiftCore
import SwiftSyntax

/// Inside a closure the compiler's parser reads `return required` followed by a `case` label (or `#if`) as a bare
/// `return` and a declaration `required case ...`, when the returned value is a variable named like a declaration
/// modifier (`required`, `open`, `mutating`, `indirect`, ...); in a function body the same lines parse as one statement
/// (found by the corpus in OpenAPIKit, whose enums return `required` from a switch). A body moved into a span closure
/// gets a `;` after such a returned value, which ends the statement where the function body ended it.
enum ReturnedModifierWords {
    /// The declaration modifiers that are contextual keywords, so a variable may be named like them.
    static let words: Set<String> = [
        "required", "convenience", "override", "final", "lazy", "dynamic", "optional", "indirect", "open", "mutating",
        "nonmutating", "prefix", "postfix", "infix", "weak", "unowned", "isolated", "nonisolated", "distributed",
        "consuming", "borrowing", "package", "reasync", "actor", "macro",
    ]

    /// Whether `bytes` (a body's text) hold `return` and one of ``words`` after spaces: a pass over the bytes, so that
    /// only the rare bodies that may need a `;` are walked as syntax.
    static func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let keyword = Array("return".utf8)
        var index = 0
        while index + keyword.count < bytes.count {
            guard bytes[index] == keyword[0], index == 0 || !isIdentifierByte(bytes[index - 1]),
                (0..<keyword.count).allSatisfy({ bytes[index + $0] == keyword[$0] })
            else {
                index += 1
                continue
            }
            var start = index + keyword.count
            guard bytes[start] == 0x20 || bytes[start] == 0x09 else {
                index = start
                continue
            }
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            var end = start
            while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
            if end > start, words.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) { return true }
            index = end
        }
        return false
    }

    /// The `;` insertions for the `return` statements of `statements`.
    static func edits(in statements: CodeBlockItemListSyntax, sequence: Int) -> [TextEdit] {
        let finder = Finder()
        finder.walk(statements)
        return finder.offsets.map { TextEdit(offset: $0, text: InjectedRegion.wrap(";"), role: .standalone, sequence: sequence) }
    }

    private final class Finder: SyntaxVisitor {
        var offsets: [Int] = []

        init() { super.init(viewMode: .sourceAccurate) }

        override func visit(_ node: ReturnStmtSyntax) -> SyntaxVisitorContinueKind {
            if let last = node.expression?.lastToken(viewMode: .sourceAccurate), case .identifier = last.tokenKind,
                ReturnedModifierWords.words.contains(last.text), node.parent?.as(CodeBlockItemSyntax.self)?.semicolon == nil
            {
                offsets.append(last.endPositionBeforeTrailingTrivia.utf8Offset)
            }
            return .visitChildren
        }
    }
}

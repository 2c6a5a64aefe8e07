import InstSwiftCore
import SwiftSyntax

/// A node's source text read from the file's bytes: cheap where `trimmedDescription` rebuilds trees (it dominated the
/// collector's profile).
struct NodeText {
    let bytes: [UInt8]

    /// The node's source text without its leading and trailing trivia.
    func callAsFunction(_ node: some SyntaxProtocol) -> String {
        let start = node.positionAfterSkippingLeadingTrivia.utf8Offset, end = node.endPositionBeforeTrailingTrivia.utf8Offset
        guard start < end, end <= bytes.count else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether the node's text contains `word`: read from the bytes, so no child of the node is made.
    func node(_ node: some SyntaxProtocol, contains word: String) -> Bool {
        let start = node.position.utf8Offset, end = min(node.endPosition.utf8Offset, bytes.count)
        guard start < end else { return false }
        return bytes.withUnsafeBufferPointer { containsBytes(UnsafeBufferPointer(rebasing: $0[start..<end]), Array(word.utf8)) }
    }
}

/// The identifiers of a type as written (`[Element]?` -> `Element`; `Dictionary<Key, [Value]>` -> `Dictionary`, `Key`,
/// `Value`).
func typeIdentifiers(_ type: String) -> [Substring] {
    type.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
}

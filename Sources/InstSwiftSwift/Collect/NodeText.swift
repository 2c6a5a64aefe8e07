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
}

/// An insertion into a source file. Rewrites only insert, so the user's bytes outside injected regions never change
/// and removing the injected regions gives the original back.
public struct TextEdit: Sendable, Hashable {
    /// How insertions at the same offset are ordered: closers of inner regions, then openers of outer regions.
    public enum Role: Sendable, Hashable {
        /// Opens a region that spans `length` bytes of original text.
        case open(length: Int)
        /// Closes a region that spanned `length` bytes of original text.
        case close(length: Int)
        /// Stands alone.
        case standalone
    }

    /// UTF-8 offset in the original text.
    public var offset: Int
    public var text: String
    public var role: Role
    /// Among edits with the same offset and role, lower goes first (rule order).
    public var sequence: Int

    public init(offset: Int, text: String, role: Role = .standalone, sequence: Int = 0) {
        self.offset = offset
        self.text = text
        self.role = role
        self.sequence = sequence
    }

    var sortKey: (Int, Int, Int, Int) {
        switch role {
        case .close(let length): (offset, 0, length, -sequence)
        case .standalone: (offset, 1, 0, sequence)
        case .open(let length): (offset, 2, -length, sequence)
        }
    }
}

/// Marks around injected code, so a reader (and the round-trip test) can tell it from the user's.
public enum InjectedRegion {
    public static let begin = "/*<instswift>*/"
    public static let end = "/*</instswift>*/"

    /// `text` between the markers.
    public static func wrap(_ text: String) -> String { begin + text + end }

    /// The source with every injected region removed.
    public static func strip(_ source: String) -> String {
        var result = ""
        var rest = Substring(source)
        while let open = rest.range(of: begin) {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: end) else { return result + rest }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    fileprivate func range(of needle: String) -> Range<Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}

/// Applies insertions to a text.
public enum EditApplier {
    public static func apply(_ edits: [TextEdit], to source: String) -> String {
        let bytes = Array(source.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.text.utf8.count })
        var cursor = 0
        for edit in edits.sorted(by: { $0.sortKey < $1.sortKey }) {
            output += bytes[cursor..<edit.offset]
            output += edit.text.utf8
            cursor = edit.offset
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }
}

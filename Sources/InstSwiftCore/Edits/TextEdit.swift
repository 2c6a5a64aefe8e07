/// An insertion into a source file. Rewrites only insert, so the user's bytes outside injected regions never change
/// and removing the injected regions gives the original back.
public struct TextEdit: Sendable, Hashable {
    /// What an insertion does to the regions around it, which decides its place among insertions at the same offset
    /// (see `sortKey`).
    public enum Role: Sendable, Hashable {
        /// Opens a region that spans `length` bytes of original text.
        case open(length: Int)
        /// Closes a region that spanned `length` bytes of original text.
        case close(length: Int)
        /// Stands alone.
        case standalone
        /// Goes before every other insertion at its offset: a file's header, imports.
        case leading
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

    /// The order of insertions at one offset, which keeps every region balanced: first the closers of regions that
    /// began earlier (innermost first), then standalone text, then empty regions (`{}`: each opens, then closes, nested
    /// in rule order), then the openers of regions that end later (outermost first).
    var sortKey: (Int, Int, Int, Int) {
        switch role {
        case .leading: (offset, -1, 0, sequence)
        case .close(let length) where length > 0: (offset, 0, length, -sequence)
        case .standalone: (offset, 1, 0, sequence)
        case .open(0): (offset, 2, 0, sequence)
        case .close: (offset, 2, 1, -sequence)
        case .open(let length): (offset, 3, -length, sequence)
        }
    }
}

/// Marks around injected code, so a reader (and the round-trip test) can tell it from the user's.
public enum InjectedRegion {
    public static let begin = "/*<instswift>*/"
    public static let end = "/*</instswift>*/"
    /// Opens a region of a counted number of bytes (`/*<instswift+14>*/`), which needs no end marker.
    static let countedPrefix = "/*<instswift+"

    /// `text` between the markers.
    public static func wrap(_ text: String) -> String { begin + text + end }

    /// `text` after a marker that counts its bytes: for text that must touch the original text after it, as a `)`
    /// before a postfix `?` or `!` must (a comment between them would make the `?` a ternary operator).
    public static func counted(_ text: String) -> String { countedPrefix + "\(text.utf8.count)>*/" + text }

    /// The source with every injected region removed.
    public static func strip(_ source: String) -> String {
        let bytes = Array(source.utf8)
        var result: [UInt8] = []
        var kept = 0
        for region in ranges(in: bytes) {
            result += bytes[kept..<region.lowerBound]
            kept = region.upperBound
        }
        result += bytes[kept...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The byte ranges of the injected regions in `bytes` (markers included), in order. An unclosed region is not one.
    public static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        let beginBytes = Array(begin.utf8), endBytes = Array(end.utf8)
        let countedBytes = Array(countedPrefix.utf8), markerClose = Array(">*/".utf8)
        var regions: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: beginBytes) {
                guard let close = firstIndex(of: endBytes, in: bytes, from: index + beginBytes.count) else { break }
                regions.append(index..<(close + endBytes.count))
                index = close + endBytes.count
            } else if bytes[index...].starts(with: countedBytes),
                let markerEnd = firstIndex(of: markerClose, in: bytes, from: index + countedBytes.count),
                let count = Int(String(decoding: bytes[(index + countedBytes.count)..<markerEnd], as: UTF8.self))
            {
                let end = min(bytes.count, markerEnd + markerClose.count + count)
                regions.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return regions
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

/// Applies insertions to a text.
public enum EditApplier {
    public static func apply(_ edits: [TextEdit], to source: String) -> String {
        var source = source
        source.makeContiguousUTF8()
        let order = orderedIndices(edits)
        let total = source.utf8.count + edits.reduce(0) { $0 + $1.text.utf8.count }
        // The bytes go straight into the result's storage: every piece is valid UTF-8 and pieces meet only at the
        // original's offsets, which rules put between characters.
        return source.utf8.withContiguousStorageIfAvailable { bytes in
            String(unsafeUninitializedCapacity: total) { output in
                var written = 0
                func copy(_ piece: UnsafeBufferPointer<UInt8>) {
                    guard let base = piece.baseAddress, !piece.isEmpty else { return }
                    UnsafeMutableRawPointer(output.baseAddress! + written).copyMemory(from: base, byteCount: piece.count)
                    written += piece.count
                }
                var cursor = 0
                for index in order {
                    let edit = edits[index]
                    copy(UnsafeBufferPointer(rebasing: bytes[cursor..<edit.offset]))
                    var text = edit.text
                    text.withUTF8 { copy($0) }
                    cursor = edit.offset
                }
                copy(UnsafeBufferPointer(rebasing: bytes[cursor...]))
                return written
            }
        }!
    }

    /// The positions of `edits` in the order ``apply(_:to:)`` inserts them (sorting indices moves no edit); edits with
    /// equal keys keep their order.
    static func orderedIndices(_ edits: [TextEdit]) -> [Int] {
        let keys = edits.map(\.sortKey)
        return keys.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
    }

    /// The edits in the order ``apply(_:to:)`` inserts them.
    public static func ordered(_ edits: [TextEdit]) -> [TextEdit] {
        orderedIndices(edits).map { edits[$0] }
    }

    /// The first edit, in application order, that closes a region other than the innermost open one, or leaves a
    /// region open: `nil` when the injected regions nest properly.
    public static func firstUnbalancedEdit(in edits: [TextEdit]) -> TextEdit? {
        var open: [TextEdit] = []
        for edit in ordered(edits) {
            switch edit.role {
            case .standalone, .leading: continue
            case .open: open.append(edit)
            case .close(let length):
                guard let innermost = open.popLast(), case .open(let openLength) = innermost.role,
                    innermost.offset == edit.offset - length, openLength == length
                else { return edit }
            }
        }
        return open.first
    }
}

/// Line starts of a file's bytes, for turning byte offsets into 1-based line and column (columns in UTF-8 bytes).
/// `\n`, `\r\n` and a lone `\r` each end a line, as in Swift and C.
public struct LineTable: Sendable {
    private var starts: [Int] = [0]

    /// Scans `bytes` once.
    public init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                index += 1
                if byte == 10 || (byte == 13 && (index == buffer.count || buffer[index] != 10)) { starts.append(index) }
            }
        }
    }

    /// The 1-based line and column of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - starts[low] + 1)
    }

    /// How many lines there are (a file ending in a line break has an empty last one).
    public var lineCount: Int { starts.count }

    /// The byte offsets a 1-based line spans (with its line break), nil past the end.
    public func range(ofLine line: Int) -> Range<Int>? {
        guard line >= 1, line <= starts.count else { return nil }
        return starts[line - 1]..<(line < starts.count ? starts[line] : Int.max)
    }
}

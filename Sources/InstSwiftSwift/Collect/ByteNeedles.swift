/// A set of short byte strings searched for in one pass (a first-byte table, then a compare).
struct ByteNeedles {
    private var needles: [[UInt8]]
    private var firstBytes = [Bool](repeating: false, count: 256)

    init(_ words: [String]) {
        needles = words.map { Array($0.utf8) }.filter { !$0.isEmpty }
        for needle in needles { firstBytes[Int(needle[0])] = true }
    }

    /// Whether any needle occurs in `bytes`.
    func occur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if firstBytes[Int(bytes[index])] {
                for needle in needles where needle.count <= bytes.count - index {
                    var offset = 0
                    while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
            }
            index += 1
        }
        return false
    }
}

/// Whether `text` contains `needle`, compared as UTF-8 bytes (Foundation's `contains` bridges to NSString).
public func containsBytes(_ text: String, _ needle: String) -> Bool {
    var text = text
    return text.withUTF8 { containsBytes($0, Array(needle.utf8)) }
}

/// Whether `bytes` contains `needle`.
public func containsBytes(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { containsBytes($0, needle) }
}

/// Whether `bytes` contains `needle` (a plain scan: needles are short and rare).
public func containsBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard bytes.count >= needle.count else { return false }
    var index = 0
    let last = bytes.count - needle.count
    while index <= last {
        if bytes[index] == first {
            var offset = 1
            while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        index += 1
    }
    return false
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a UTF-8 byte can be part of a Swift identifier: ASCII letters, digits, `_`, and every byte of a non-ASCII
/// character (which byte scans treat as letters).
@inline(__always)
public func isIdentifierByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
}

/// Whether `text` contains `needle`, compared as UTF-8 bytes (Foundation's `contains` bridges to NSString).
public func containsBytes(_ text: String, _ needle: String) -> Bool {
    var text = text
    return text.withUTF8 { containsBytes($0, Array(needle.utf8)) }
}

/// Whether `bytes` contains `needle`.
public func containsBytes(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { containsBytes($0, needle) }
}

/// Whether `bytes` contains `needle`: the C library's vectorized `memchr` finds candidates for the needle's rarest byte
/// in source code (``sourceByteRank``), `memcmp` checks them. A file is searched for a few needles per rewrite; a
/// byte-at-a-time scan of a large file cost more than a tenth of its rewrite, and a pivot on `:` or `b` stopped every few
/// bytes.
public func containsBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard let base = bytes.baseAddress, bytes.count >= needle.count else { return false }
    let pivot = needle.indices.min { sourceByteRank[Int(needle[$0])] < sourceByteRank[Int(needle[$1])] } ?? 0
    return needle.withUnsafeBufferPointer { needleBytes in
        // Candidates for the pivot byte at `base + pivot ..< base + count - (needle.count - pivot) + 1`.
        var start = base + pivot
        let end = base + bytes.count - (needle.count - pivot) + 1
        while start < end {
            guard let found = memchr(start, Int32(needle[pivot]), end - start) else { return false }
            let hit = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            if memcmp(hit - pivot, needleBytes.baseAddress!, needle.count) == 0 { return true }
            start = hit + 1
        }
        return false
    }
}

/// How common each byte is in Swift source, lower is rarer: the bytes of `common` rank by their place in it (most common
/// last), every other byte (non-ASCII ones) ranks 0.
private let sourceByteRank: [UInt8] = {
    let common = Array("QZXJ@#%^|~`$;&!?'KVUWHYF0123456789zqjxPkBEGRMCAOI+*<>[]wvDLNSTy-/:_gbfh,pmu\"=.d(){}lcrsn\tiaot\ne ".utf8)
    var rank = [UInt8](repeating: 0, count: 256)
    for (index, byte) in common.enumerated() { rank[Int(byte)] = UInt8(index + 1) }
    return rank
}()

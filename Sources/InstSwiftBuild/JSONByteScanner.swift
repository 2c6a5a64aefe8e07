import Foundation

/// Finds where the values of a JSON document are without making objects of them, so that a large document (a coverage
/// export of tens of megabytes) can have a few of its values read and replaced while the rest stays bytes.
struct JSONByteScanner {
    let bytes: [UInt8]

    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        var description: String { "malformed JSON at byte \(offset)" }
    }

    /// The range of the value that starts at or after `start` (after white space).
    func value(at start: Int) throws(Malformed) -> Range<Int> {
        var index = skippingWhitespace(start)
        guard index < bytes.count else { throw Malformed(offset: index) }
        let first = index
        switch bytes[index] {
        case UInt8(ascii: "\""):
            index = try endOfString(at: index)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            repeat {
                guard index < bytes.count else { throw Malformed(offset: first) }
                switch bytes[index] {
                case UInt8(ascii: "\""): index = try endOfString(at: index)
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    index += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    index += 1
                default: index += 1
                }
            } while depth > 0
        default:
            while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
            guard index > first else { throw Malformed(offset: first) }
        }
        return first..<index
    }

    /// The members of the object at `range`: each key with its value's range.
    func members(of range: Range<Int>) throws(Malformed) -> [(key: String, value: Range<Int>)] {
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "{") else { throw Malformed(offset: range.lowerBound) }
        var result: [(key: String, value: Range<Int>)] = []
        var index = skippingWhitespace(range.lowerBound + 1)
        while index < range.upperBound - 1 {
            let key = try value(at: index)
            guard let name = string(key) else { throw Malformed(offset: key.lowerBound) }
            index = skippingWhitespace(key.upperBound)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Malformed(offset: index) }
            let member = try value(at: index + 1)
            result.append((name, member))
            index = try afterSeparator(member.upperBound, closing: UInt8(ascii: "}"))
        }
        return result
    }

    /// The ranges of the elements of the array at `range`.
    func elements(of range: Range<Int>) throws(Malformed) -> [Range<Int>] {
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "[") else { throw Malformed(offset: range.lowerBound) }
        var result: [Range<Int>] = []
        var index = skippingWhitespace(range.lowerBound + 1)
        while index < range.upperBound - 1 {
            let element = try value(at: index)
            result.append(element)
            index = try afterSeparator(element.upperBound, closing: UInt8(ascii: "]"))
        }
        return result
    }

    /// The string at `range`, unescaped; nil when it is not a string.
    func string(_ range: Range<Int>) -> String? {
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "\"") else { return nil }
        let inner = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]
        guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
        return (try? JSONSerialization.jsonObject(with: Data(bytes[range]), options: .fragmentsAllowed)) as? String
    }

    /// The value at `range` as Foundation objects.
    func object(_ range: Range<Int>) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(bytes[range]), options: .fragmentsAllowed)
    }

    /// What ends a number or a literal: a separator, a closing bracket or white space.
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || isWhitespace(byte)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func skippingWhitespace(_ start: Int) -> Int {
        var index = start
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
        return index
    }

    /// Past a member or element: at the next one after a `,`, or at `closing`.
    private func afterSeparator(_ start: Int, closing: UInt8) throws(Malformed) -> Int {
        let index = skippingWhitespace(start)
        guard index < bytes.count else { throw Malformed(offset: index) }
        if bytes[index] == UInt8(ascii: ",") { return skippingWhitespace(index + 1) }
        guard bytes[index] == closing else { throw Malformed(offset: index) }
        return index
    }

    /// One past the closing quote of the string that opens at `start`.
    private func endOfString(at start: Int) throws(Malformed) -> Int {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        throw Malformed(offset: start)
    }
}

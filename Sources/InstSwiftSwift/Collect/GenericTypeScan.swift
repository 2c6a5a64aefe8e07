#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InstSwiftCore

/// The generic types a module declares whose parameters are not all required to be `Sendable`, for the extensions of
/// those types (``EnclosingGenericResults``): an extension names no parameters, so a method in
/// `extension Builder { func f() -> Component<R> }` could not be checked from its own syntax (the corpus found it in
/// swift-property-based's `Generator`). A byte scan from each `<`, cheap enough to run on every file of a module before
/// any is parsed; the build records what each module declares, as it does the `~Copyable` types.
public enum GenericTypeScan {
    /// The entries of `text`, each `Name<P,Q>` listing the parameters that are not required to be `Sendable`.
    public static func declared(in text: String) -> Set<String> {
        let bytes = Array(text.utf8)
        var found = Set<String>()
        var index = 0
        while let open = nextAngle(in: bytes, from: index) {
            index = open + 1
            guard let name = typeName(before: open, in: bytes), let close = closingAngle(after: open, in: bytes) else { continue }
            let parameters = topLevelParts(bytes[(open + 1)..<close])
            var end = close + 1
            while end < bytes.count, end - close < 4_000, bytes[end] != UInt8(ascii: "{") { end += 1 }
            let requirements = String(decoding: bytes[(close + 1)..<end], as: UTF8.self)
            let unconstrained = parameters.compactMap { part -> String? in
                let pieces = part.split(separator: ":", maxSplits: 1)
                guard let parameter = pieces.first.map(trimmed), !parameter.isEmpty else { return nil }
                if pieces.count > 1, pieces[1].contains("Sendable") { return nil }
                return EnclosingGenericResults.requires(requirements, parameter) ? nil : parameter
            }
            if !unconstrained.isEmpty { found.insert("\(name)<\(unconstrained.joined(separator: ","))>") }
            index = close + 1
        }
        return found
    }

    /// The index of the next `<` at or after `start` (the C library's vectorized `memchr`: most of a file is not one).
    private static func nextAngle(in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            memchr(buffer.baseAddress! + start, Int32(UInt8(ascii: "<")), buffer.count - start).map {
                buffer.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    /// Entries as a table: each type name with the parameters of every declaration of that name.
    static func table(_ entries: Set<String>) -> [String: [String]] {
        entries.reduce(into: [:]) { table, entry in
            guard let open = entry.firstIndex(of: "<") else { return }
            let parameters = entry[entry.index(after: open)...].dropLast().split(separator: ",").map(String.init)
            table[String(entry[..<open]), default: []].append(contentsOf: parameters)
        }
    }

    static let typeKeywords: Set<String> = ["struct", "class", "enum", "actor"]

    /// The name declared by `struct|class|enum|actor Name` just before the `<` at `index`, if that is what precedes it.
    private static func typeName(before index: Int, in bytes: [UInt8]) -> String? {
        var end = index
        while end > 0, isBlank(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > 0, isIdentifierByte(bytes[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        var keywordEnd = start
        while keywordEnd > 0, isBlank(bytes[keywordEnd - 1]) { keywordEnd -= 1 }
        guard keywordEnd < start else { return nil }
        var keywordStart = keywordEnd
        while keywordStart > 0, isIdentifierByte(bytes[keywordStart - 1]) { keywordStart -= 1 }
        guard typeKeywords.contains(String(decoding: bytes[keywordStart..<keywordEnd], as: UTF8.self)) else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The `>` that closes the generic parameter clause opened at `index`; nil at a `{`, `;` or far away.
    private static func closingAngle(after index: Int, in bytes: [UInt8]) -> Int? {
        var depth = 0
        var position = index
        while position < bytes.count, position - index < 4_000 {
            switch bytes[position] {
            case UInt8(ascii: "<"): depth += 1
            case UInt8(ascii: ">"):
                depth -= 1
                if depth == 0 { return position }
            case UInt8(ascii: "{"), UInt8(ascii: ";"): return nil
            default: break
            }
            position += 1
        }
        return nil
    }

    /// The comma-separated parts of a parameter clause, commas inside brackets excluded.
    private static func topLevelParts(_ bytes: ArraySlice<UInt8>) -> [String] {
        var parts: [String] = []
        var depth = 0
        var start = bytes.startIndex
        for position in bytes.indices {
            switch bytes[position] {
            case UInt8(ascii: "<"), UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: ">"), UInt8(ascii: ")"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                parts.append(String(decoding: bytes[start..<position], as: UTF8.self))
                start = position + 1
            default: break
            }
        }
        parts.append(String(decoding: bytes[start..<bytes.endIndex], as: UTF8.self))
        return parts
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}

/// A forward-only reader of one JSON document that reads the values its caller asks for and steps over everything
/// else without building it: a model's request carries the whole conversation and a response chunk its text, but the
/// conventions want a dozen numbers and names from them. `JSONDecoder` materialised every value first and was most of
/// the GenAI observation's cost (scripts/bench-genai.sh).
///
/// A value of an unexpected type reads as nil (`"max_tokens": "100"` is not a number) and is stepped over. What the
/// reader reads must be well-formed JSON and what it steps over must pair its brackets and end its strings, or it
/// throws ``Malformed``.
struct JSONFieldReader {
    struct Malformed: Error {}

    /// An object member's key as written (escapes are not resolved: no key the readers look for needs one).
    struct Key {
        let bytes: UnsafeRawBufferPointer

        static func == (key: Key, name: StaticString) -> Bool {
            key.bytes.count == name.utf8CodeUnitCount
                && key.bytes.elementsEqual(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    /// Reads `document` with `read`, which starts at its top-level value; throws when the document is malformed.
    static func read<T>(_ document: UnsafeRawBufferPointer, _ read: (inout JSONFieldReader) throws -> T) throws -> T {
        var reader = JSONFieldReader(bytes: document)
        let start = try reader.valueStartIndex()
        let value = try read(&reader)
        try reader.skipValueIfUnread(from: start)
        guard reader.nextToken() == nil else { throw Malformed() }
        return value
    }

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    // MARK: Reading values

    /// Calls `member` with each key of the object at the reader, which may read the member's value; a value it leaves
    /// unread is stepped over. Anything but an object is stepped over, and the result is false.
    @discardableResult
    mutating func object(_ member: (Key, inout JSONFieldReader) throws -> Void) throws -> Bool {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) { reader in
            guard reader.nextToken() == UInt8(ascii: "\"") else { throw Malformed() }
            let key = try reader.stringBody()
            guard reader.nextToken() == UInt8(ascii: ":") else { throw Malformed() }
            reader.index += 1
            let valueStart = try reader.valueStartIndex()
            try member(Key(bytes: UnsafeRawBufferPointer(rebasing: reader.bytes[key])), &reader)
            try reader.skipValueIfUnread(from: valueStart)
        }
    }

    /// Calls `element` for each element of the array at the reader, as ``object(_:)`` does for members.
    @discardableResult
    mutating func array(_ element: (inout JSONFieldReader) throws -> Void) throws -> Bool {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { reader in
            let valueStart = try reader.valueStartIndex()
            try element(&reader)
            try reader.skipValueIfUnread(from: valueStart)
        }
    }

    /// Reads the object or array at the reader (`open`...`close`), one comma-separated entry per `entry` call; anything
    /// else is stepped over, and the result is false.
    private mutating func container(open: UInt8, close: UInt8, _ entry: (inout JSONFieldReader) throws -> Void) throws -> Bool {
        guard nextToken() == open else {
            try skipValue()
            return false
        }
        index += 1
        if nextToken() == close {
            index += 1
            return true
        }
        while true {
            try entry(&self)
            switch nextToken() {
            case UInt8(ascii: ","): index += 1
            case close:
                index += 1
                return true
            default: throw Malformed()
            }
        }
    }

    /// The string at the reader, escapes resolved; nil (and stepped over) when the value is not a string.
    mutating func string() throws -> String? {
        guard nextToken() == UInt8(ascii: "\"") else {
            try skipValue()
            return nil
        }
        let range = try stringBody()
        let raw = UnsafeRawBufferPointer(rebasing: bytes[range])
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        return try Self.unescaped(raw)
    }

    /// The string at the reader, or a number's text (error codes are either); nil for anything else.
    mutating func stringOrNumber() throws -> String? {
        guard let range = numberBody() else { return try string() }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The string at the reader when the value is one; any other value is left for the caller.
    mutating func stringIfPresent() throws -> String? {
        guard nextToken() == UInt8(ascii: "\"") else { return nil }
        return try string()
    }

    /// The number at the reader when it is an integer (`12`, `12.0`); nil otherwise.
    mutating func int() throws -> Int? {
        guard let number = try number() else { return nil }
        if let exact = Int(number) { return exact }
        guard let double = Double(number), double.rounded() == double, let exact = Int(exactly: double) else { return nil }
        return exact
    }

    /// The number at the reader; nil when the value is not a number.
    mutating func double() throws -> Double? {
        try number().flatMap { Double($0) }
    }

    /// `true` or `false` at the reader; nil for anything else.
    mutating func bool() throws -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        try skipValue()
        return nil
    }

    /// Whether the value at the reader is `null` (then read); any other value is left for the caller.
    mutating func null() -> Bool {
        literal("null")
    }

    // MARK: Tokens

    /// The first byte of the next token, after white space; nil at the end.
    private mutating func nextToken() -> UInt8? {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return bytes[index]
            }
        }
        return nil
    }

    private mutating func valueStartIndex() throws -> Int {
        guard nextToken() != nil else { throw Malformed() }
        return index
    }

    private mutating func skipValueIfUnread(from start: Int) throws {
        if index == start { try skipValue() }
    }

    /// The range of the string's content between its quotes; the reader is at the opening quote and moves past the
    /// closing one.
    private mutating func stringBody() throws -> Range<Int> {
        let start = index + 1
        var end = start
        while end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "\""):
                index = end + 1
                return start..<end
            case UInt8(ascii: "\\"): end += 2
            case 0..<0x20: throw Malformed()
            default: end += 1
            }
        }
        throw Malformed()
    }

    /// The text of the number at the reader; nil (and stepped over) when the value is not a number.
    private mutating func number() throws -> Substring? {
        guard let range = numberBody() else {
            try skipValue()
            return nil
        }
        return Substring(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The range of the number at the reader, which moves past it; nil when the next token is not a number.
    private mutating func numberBody() -> Range<Int>? {
        guard let first = nextToken(), first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return nil
        }
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        return start..<index
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        guard nextToken() != nil else { return false }
        let expected = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard index + expected.count <= bytes.count, UnsafeRawBufferPointer(rebasing: bytes[index..<index + expected.count]).elementsEqual(expected)
        else { return false }
        index += expected.count
        return true
    }

    /// Steps over the value at the reader, nested arrays and objects included, without recursion (a hostile document
    /// cannot exhaust the stack); brackets must pair.
    private mutating func skipValue() throws {
        var open: [UInt8] = []
        repeat {
            guard let token = nextToken() else { throw Malformed() }
            switch token {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                open.append(token == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard open.popLast() == token else { throw Malformed() }
                index += 1
            case UInt8(ascii: "\""): _ = try stringBody()
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard !open.isEmpty else { throw Malformed() }
                index += 1
            default:
                guard literal("true") || literal("false") || literal("null") || numberBody() != nil else { throw Malformed() }
            }
        } while !open.isEmpty
    }

    /// A JSON string's content with its escapes resolved (`\n`, `\"`, `\u00e9`, surrogate pairs).
    private static func unescaped(_ raw: UnsafeRawBufferPointer) throws -> String {
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        var index = 0
        func flush() {
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            utf8.removeAll(keepingCapacity: true)
        }
        func hex(_ at: Int) throws -> UInt32 {
            guard at + 4 <= raw.count, let value = UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<at + 4]), as: UTF8.self), radix: 16)
            else { throw Malformed() }
            return value
        }
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                index += 1
                continue
            }
            guard index + 1 < raw.count else { throw Malformed() }
            let escape = raw[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var value = try hex(index)
                index += 4
                if (0xD800..<0xDC00).contains(value), index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u") {
                    let low = try hex(index + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                flush()
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            default: throw Malformed()
            }
        }
        flush()
        return String(scalars)
    }
}

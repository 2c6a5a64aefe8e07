/// Inbound W3C headers as instswift accepts them, before the propagator sees them: bounded in size, and recovered the
/// way the W3C Trace Context specification asks. A header that is malformed or too large is dropped — never the
/// request — so the span starts a fresh trace (a bad `traceparent`) or keeps a good `traceparent` (a bad `tracestate`).
enum InboundTraceContext {
    /// W3C: vendors may drop a `tracestate` longer than 512 characters.
    static let maxTraceStateLength = 512
    /// W3C: at most 32 list members.
    static let maxTraceStateMembers = 32
    /// W3C Baggage: at most 8192 bytes.
    static let maxBaggageLength = 8192

    /// A `traceparent` the propagator can read: version `00` as it is; a later version (not `ff`) reduced to its first
    /// four fields as version `00` ("SHOULD parse the known fields"); nil when malformed.
    static func traceparent(_ value: String) -> String? {
        let trimmed = trimmingSpaces(value)
        guard trimmed.utf8.count <= 512 else { return nil }
        let fields = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count >= 4, fields[0].count == 2, isLowerHex(fields[0]), fields[0] != "ff",
            fields[1].count == 32, isLowerHex(fields[1]), fields[1] != String(repeating: "0", count: 32),
            fields[2].count == 16, isLowerHex(fields[2]), fields[2] != String(repeating: "0", count: 16),
            fields[3].count == 2, isLowerHex(fields[3])
        else { return nil }
        if fields[0] == "00" { return fields.count == 4 ? trimmed : nil }
        return "00-\(fields[1])-\(fields[2])-\(fields[3])"
    }

    /// A `tracestate` within the W3C limits with well-formed members, or nil.
    static func tracestate(_ value: String) -> String? {
        guard value.utf8.count <= maxTraceStateLength else { return nil }
        let members = value.split(separator: ",", omittingEmptySubsequences: true)
            .map(trimmingSpaces).filter { !$0.isEmpty }
        guard !members.isEmpty, members.count <= maxTraceStateMembers else { return nil }
        for member in members {
            guard let equals = member.firstIndex(of: "="), equals != member.startIndex else { return nil }
            let key = member[..<equals], valuePart = member[member.index(after: equals)...]
            guard key.utf8.count <= 256, key.allSatisfy(isKeyCharacter), !valuePart.isEmpty, valuePart.utf8.count <= 256,
                valuePart.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) && $0 != "," && $0 != "=" })
            else { return nil }
        }
        return members.joined(separator: ",")
    }

    /// A `baggage` header within the W3C size limit, or nil.
    static func baggage(_ value: String) -> String? {
        let trimmed = trimmingSpaces(value)
        guard !trimmed.isEmpty, trimmed.utf8.count <= maxBaggageLength,
            trimmed.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) })
        else { return nil }
        return trimmed
    }

    /// `text` without leading and trailing spaces and tabs (W3C OWS).
    static func trimmingSpaces<S: StringProtocol>(_ text: S) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    static func isLowerHex(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    static func isKeyCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (97...122).contains(ascii) || (48...57).contains(ascii) || "_-*/@".utf8.contains(ascii)
    }
}

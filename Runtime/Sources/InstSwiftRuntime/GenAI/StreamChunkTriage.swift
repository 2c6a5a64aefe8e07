/// Reads from a stream chunk's bytes whether decoding it could change what the exchange records. Most chunks of a
/// streamed answer are one token of output whose id and model repeat the first chunk's: decoding each with
/// `JSONDecoder` was a quarter of the calling process's CPU (scripts/bench-genai.sh), so such a chunk is only counted.
/// Anything the triage cannot place is decoded, as before.
///
/// The scan steps over JSON strings (a `"` inside one is escaped); a string followed by `:` is a key.
enum StreamChunkTriage {
    enum Verdict: Equatable {
        /// Decode it: it may carry an id, model, finish reason, usage or error, or its shape is unknown.
        case decode
        /// Output and nothing else (a content, tool-call or role delta): its time counts, its fields change nothing.
        case outputOnly
    }

    /// The keys the triage reads, each with what it means.
    enum Key {
        /// Its presence means the chunk reports something.
        case reporting
        /// A non-null value means the chunk reports a finish reason.
        case reason
        case choices, type, done
    }

    static let keys: [(bytes: [UInt8], key: Key)] = {
        let named: [(String, Key)] = [
            ("usage", .reporting), ("error", .reporting), ("eval_count", .reporting), ("prompt_eval_count", .reporting),
            ("finish_reason", .reason), ("stop_reason", .reason), ("done_reason", .reason),
            ("choices", .choices), ("type", .type), ("done", .done),
        ]
        return named.map { (Array($0.0.utf8), $0.1) }
    }()

    /// The verdict for one JSON document of a stream, given that the exchange already knows the response's id or model
    /// (the first chunk was decoded). One pass over the document's string tokens.
    static func triage(_ document: [UInt8]) -> Verdict {
        document.withUnsafeBufferPointer { bytes in
            var choices: Int?, type: Int?, done: Int?
            var index = 0
            while let (keyStart, keyEnd, value) = nextKey(in: bytes, from: &index) {
                guard let key = keys.first(where: { equal(bytes, keyStart..<keyEnd, $0.bytes) })?.key else { continue }
                switch key {
                case .reporting: return .decode
                case .reason: if !startsWith(bytes, at: value, "null") { return .decode }
                case .choices: choices = choices ?? value
                case .type: type = type ?? value
                case .done: done = done ?? value
                }
            }
            // OpenAI-compatible: a delta in a non-empty `choices`.
            if let value = choices {
                guard bytes[value] == UInt8(ascii: "["), let next = nonSpace(bytes, from: value + 1) else { return .decode }
                return bytes[next] == UInt8(ascii: "]") ? .decode : .outputOnly
            }
            // Anthropic: a text or tool-input delta.
            if let value = type, startsWith(bytes, at: value, "\"content_block_delta\"") { return .outputOnly }
            // Ollama: a line before the last.
            if let value = done, startsWith(bytes, at: value, "false") { return .outputOnly }
            return .decode
        }
    }

    /// The next object key at or after `index`: its bytes' range and where its value starts; `index` moves past it.
    /// Strings that are values are stepped over.
    static func nextKey(in bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> (Int, Int, Int)? {
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\"") else {
                index += 1
                continue
            }
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end < bytes.count else { return nil }
            index = end + 1
            if let colon = nonSpace(bytes, from: index), bytes[colon] == UInt8(ascii: ":"), let value = nonSpace(bytes, from: colon + 1) {
                index = value
                return (start, end, value)
            }
        }
        return nil
    }

    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ expected: [UInt8]) -> Bool {
        guard range.count == expected.count else { return false }
        var offset = 0
        while offset < expected.count {
            if bytes[range.lowerBound + offset] != expected[offset] { return false }
            offset += 1
        }
        return true
    }

    static func nonSpace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return index
            }
        }
        return nil
    }

    static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ text: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        return start + expected.count <= bytes.count && UnsafeBufferPointer(rebasing: bytes[start..<start + expected.count]).elementsEqual(expected)
    }
}

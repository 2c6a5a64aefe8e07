#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The key `range` of `bytes` names, if the triage reads it (told apart by length first: this runs for every key of
    /// every chunk).
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Key? {
        let name = JSONFieldReader.Key(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range])))
        switch range.count {
        case 4: return name == "type" ? .type : name == "done" ? .done : nil
        case 5: return name == "usage" || name == "error" ? .reporting : nil
        case 7: return name == "choices" ? .choices : nil
        case 10: return name == "eval_count" ? .reporting : nil
        case 11: return name == "stop_reason" || name == "done_reason" ? .reason : nil
        case 13: return name == "finish_reason" ? .reason : nil
        case 17: return name == "prompt_eval_count" ? .reporting : nil
        default: return nil
        }
    }

    /// The verdict for one JSON document of a stream, given that the exchange already knows the response's id or model
    /// (the first chunk was decoded). One pass over the document's string tokens.
    static func triage(_ document: [UInt8]) -> Verdict {
        document.withUnsafeBytes(triage)
    }

    /// ``triage(_:)-([UInt8])`` for a document where the splitter found it.
    static func triage(_ document: UnsafeRawBufferPointer) -> Verdict {
        document.withMemoryRebound(to: UInt8.self) { bytes in
            var choices: Int?, type: Int?, done: Int?
            var index = 0
            while let (keyStart, keyEnd, value) = nextKey(in: bytes, from: &index) {
                guard let key = key(bytes, keyStart..<keyEnd) else { continue }
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

    /// The range of the contents of the chunk's last output text string (the value of a `content`, `text`,
    /// `arguments` or `partial_json` key), without its quotes.
    static func outputText(in document: UnsafeRawBufferPointer) -> Range<Int>? {
        document.withMemoryRebound(to: UInt8.self) { bytes in
            var index = 0, found: Range<Int>?
            while let (keyStart, keyEnd, value) = nextKey(in: bytes, from: &index) {
                let name = JSONFieldReader.Key(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[keyStart..<keyEnd])))
                guard name == "content" || name == "text" || name == "arguments" || name == "partial_json",
                    bytes[value] == UInt8(ascii: "\""), let end = closingQuote(in: bytes, openedAt: value)
                else { continue }
                found = value + 1..<end
                index = end + 1
            }
            return found
        }
    }

    /// The index of the quote that closes the string opened at `open`: the first one not escaped.
    static func closingQuote(in bytes: UnsafeBufferPointer<UInt8>, openedAt open: Int) -> Int? {
        var end = open + 1
        while let candidate = quote(in: bytes, from: end) {
            var backslashes = 0
            while candidate - backslashes - 1 > open, bytes[candidate - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return candidate }
            end = candidate + 1
        }
        return nil
    }

    /// The next object key at or after `index`: its bytes' range and where its value starts; `index` moves past it.
    /// Strings that are values are stepped over.
    static func nextKey(in bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> (Int, Int, Int)? {
        while let open = quote(in: bytes, from: index) {
            let start = open + 1
            var end = start
            // The closing quote is the first one not escaped: preceded by an even number of backslashes.
            while true {
                guard let candidate = quote(in: bytes, from: end) else { return nil }
                var backslashes = 0
                while candidate - backslashes - 1 >= start, bytes[candidate - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
                end = candidate
                if backslashes % 2 == 0 { break }
                end += 1
            }
            index = end + 1
            if let colon = nonSpace(bytes, from: index), bytes[colon] == UInt8(ascii: ":"), let value = nonSpace(bytes, from: colon + 1) {
                index = value
                return (start, end, value)
            }
        }
        return nil
    }

    /// The index of the next `"` at or after `start` (`memchr`: content strings are most of a chunk's bytes).
    static func quote(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(UInt8(ascii: "\"")), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The shape of a stream's output chunks, so that most are recognised without reading their keys.
///
/// A model server writes every token of an answer in the same envelope: an OpenAI-compatible chunk is
/// `{"id":"c1",...,"delta":{"content":"` + text + `"},"finish_reason":null}]}` with the same id, model and creation time
/// each time. Once ``StreamChunkTriage`` found a chunk that is output and nothing else, its bytes before and after its
/// text are kept; a later chunk with the same bytes around a text that cannot end early (no `"` in it, and not ending in
/// an escaping backslash) is output and nothing else too, told by two comparisons and one `memchr` instead of a scan of
/// its keys. Any other chunk goes to the triage, as before.
struct OutputChunkTemplate {
    /// Up to and including the quote that opens the output text.
    private var prefix: [UInt8] = []
    /// From the quote that closes the output text.
    private var suffix: [UInt8] = []

    /// Whether `document` is known to be output and nothing else.
    func matches(_ document: UnsafeRawBufferPointer) -> Bool {
        guard !prefix.isEmpty, document.count >= prefix.count + suffix.count, let base = document.baseAddress else { return false }
        let textStart = prefix.count, textEnd = document.count - suffix.count
        let samePrefix = prefix.withUnsafeBytes { memcmp(base, $0.baseAddress!, prefix.count) == 0 }
        guard samePrefix, suffix.withUnsafeBytes({ memcmp(base + textEnd, $0.baseAddress!, suffix.count) == 0 }) else { return false }
        guard memchr(base + textStart, Int32(UInt8(ascii: "\"")), textEnd - textStart) == nil else { return false }
        var backslashes = 0
        while textEnd - backslashes - 1 >= textStart, document[textEnd - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
        return backslashes % 2 == 0
    }

    /// Keeps the envelope of `document`, which the triage found to be output and nothing else, around its last output
    /// text (`content`, `text`, `arguments`, `partial_json`); keeps nothing when it has none.
    mutating func learn(_ document: UnsafeRawBufferPointer) {
        guard let text = StreamChunkTriage.outputText(in: document) else {
            prefix = []
            return
        }
        prefix = Array(document[..<text.lowerBound])
        suffix = Array(document[text.upperBound...])
    }
}

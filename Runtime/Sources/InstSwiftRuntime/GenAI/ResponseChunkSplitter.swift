#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a streamed response body into JSON documents as its bytes arrive: Server-Sent Events (`data:` lines,
/// events ended by a blank line, `[DONE]` ignored) or newline-delimited JSON (Ollama). Every complete document is handed
/// on at once; one that lies whole in the bytes just received is handed on where it is, without a copy (the common case:
/// a model server writes each event in one piece). Only what continues into the next bytes is kept: the current partial
/// line, and the data of an event whose end has not arrived.
struct ResponseChunkSplitter {
    enum Framing { case serverSentEvents, jsonLines }

    let framing: Framing
    /// A line longer than this is dropped: memory stays bounded on a hostile stream.
    static let maximumLineLength = 1 << 20

    /// The start of a line that began in earlier bytes.
    private var line: [UInt8] = []
    private var lineTooLong = false
    /// The data of an event that began in earlier bytes, or that has several `data:` lines.
    private var eventData: [UInt8] = []

    init(framing: Framing) {
        self.framing = framing
    }

    /// Feeds bytes; calls `document` with each complete JSON document (valid only during the call).
    mutating func consume(_ bytes: UnsafeRawBufferPointer, _ document: (UnsafeRawBufferPointer) -> Void) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        // An event's only data so far, still in `bytes`: copied only if the event does not end in them.
        var pending: UnsafeRawBufferPointer?
        var start = 0
        while let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
            let end = base.distance(to: UnsafeRawPointer(newline))
            let piece = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            if line.isEmpty, !lineTooLong {
                if piece.count <= Self.maximumLineLength { endLine(piece, inReceivedBytes: true, &pending, document) }
            } else {
                append(piece)
                // Taken out while it is read (endLine changes the splitter), and put back to keep its capacity.
                var carried: [UInt8] = []
                swap(&carried, &line)
                if !lineTooLong { carried.withUnsafeBytes { endLine($0, inReceivedBytes: false, &pending, document) } }
                carried.removeAll(keepingCapacity: true)
                swap(&carried, &line)
                lineTooLong = false
            }
            start = end + 1
        }
        if let kept = pending { eventData.append(contentsOf: kept) }
        append(UnsafeRawBufferPointer(rebasing: bytes[start...]))
    }

    /// Flushes what the stream left unterminated.
    mutating func finish(_ document: (UnsafeRawBufferPointer) -> Void) {
        var pending: UnsafeRawBufferPointer?
        let carried = line
        line = []
        if !carried.isEmpty, !lineTooLong { carried.withUnsafeBytes { endLine($0, inReceivedBytes: false, &pending, document) } }
        if framing == .serverSentEvents { dispatchEvent(&pending, document) }
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !lineTooLong else { return }
        if line.count + bytes.count > Self.maximumLineLength {
            lineTooLong = true
            line.removeAll()
            return
        }
        line.append(contentsOf: bytes)
    }

    /// One complete line, without its `\n`. `inReceivedBytes`: it lies in the bytes of the current `consume`, so an
    /// event's first data line can stay there (`pending`) until the event ends.
    private mutating func endLine(
        _ text: UnsafeRawBufferPointer, inReceivedBytes: Bool, _ pending: inout UnsafeRawBufferPointer?,
        _ document: (UnsafeRawBufferPointer) -> Void
    ) {
        var text = text
        if text.last == UInt8(ascii: "\r") { text = UnsafeRawBufferPointer(rebasing: text.dropLast()) }
        switch framing {
        case .jsonLines:
            if !text.isEmpty { document(text) }
        case .serverSentEvents:
            if text.isEmpty { return dispatchEvent(&pending, document) }
            guard text.starts(with: Self.dataPrefix) else { return }
            var value = UnsafeRawBufferPointer(rebasing: text[Self.dataPrefix.count...])
            if value.first == UInt8(ascii: " ") { value = UnsafeRawBufferPointer(rebasing: value.dropFirst()) }
            if inReceivedBytes, pending == nil, eventData.isEmpty {
                pending = value
                return
            }
            if let first = pending {
                eventData.append(contentsOf: first)
                pending = nil
            }
            if !eventData.isEmpty { eventData.append(UInt8(ascii: "\n")) }
            eventData.append(contentsOf: value)
        }
    }

    private mutating func dispatchEvent(_ pending: inout UnsafeRawBufferPointer?, _ document: (UnsafeRawBufferPointer) -> Void) {
        if let data = pending {
            pending = nil
            if !data.isEmpty, data.count != Self.done.count || !data.elementsEqual(Self.done) { document(data) }
            return
        }
        defer { eventData.removeAll(keepingCapacity: true) }
        guard !eventData.isEmpty, eventData != Self.done else { return }
        eventData.withUnsafeBytes(document)
    }

    private static let dataPrefix = Array("data:".utf8)
    private static let done = Array("[DONE]".utf8)
}

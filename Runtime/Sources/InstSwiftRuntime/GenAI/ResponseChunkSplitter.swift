/// Splits a streamed response body into JSON documents as its bytes arrive: Server-Sent Events (`data:` lines,
/// events ended by a blank line, `[DONE]` ignored) or newline-delimited JSON (Ollama). Only the current partial line is
/// buffered; every complete document is handed on at once.
struct ResponseChunkSplitter {
    enum Framing { case serverSentEvents, jsonLines }

    let framing: Framing
    /// A line longer than this is dropped (with the event it belongs to): memory stays bounded on a hostile stream.
    static let maximumLineLength = 1 << 20

    private var line: [UInt8] = []
    private var lineTooLong = false
    private var eventData: [UInt8] = []

    init(framing: Framing) {
        self.framing = framing
    }

    /// Feeds bytes; calls `document` with each complete JSON document.
    mutating func consume(_ bytes: UnsafeRawBufferPointer, _ document: ([UInt8]) -> Void) {
        var start = 0
        for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
            append(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            endLine(document)
            start = index + 1
        }
        append(UnsafeRawBufferPointer(rebasing: bytes[start...]))
    }

    /// Flushes what the stream left unterminated.
    mutating func finish(_ document: ([UInt8]) -> Void) {
        if !line.isEmpty { endLine(document) }
        if framing == .serverSentEvents { dispatchEvent(document) }
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

    private mutating func endLine(_ document: ([UInt8]) -> Void) {
        defer {
            line.removeAll(keepingCapacity: true)
            lineTooLong = false
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        switch framing {
        case .jsonLines:
            if !lineTooLong, !line.isEmpty { document(line) }
        case .serverSentEvents:
            if line.isEmpty { return dispatchEvent(document) }
            guard !lineTooLong, line.starts(with: Self.dataPrefix) else { return }
            var value = line[Self.dataPrefix.count...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
            if !eventData.isEmpty { eventData.append(UInt8(ascii: "\n")) }
            eventData.append(contentsOf: value)
        }
    }

    private mutating func dispatchEvent(_ document: ([UInt8]) -> Void) {
        defer { eventData.removeAll(keepingCapacity: true) }
        guard !eventData.isEmpty, eventData != Self.done else { return }
        document(eventData)
    }

    private static let dataPrefix = Array("data:".utf8)
    private static let done = Array("[DONE]".utf8)
}

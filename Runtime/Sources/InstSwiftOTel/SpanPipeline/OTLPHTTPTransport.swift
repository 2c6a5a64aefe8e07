import Foundation

/// HTTP/1.1 `POST`s of OTLP protobuf over one kept-alive TCP connection, every step bounded by a deadline: connecting,
/// sending and reading the answer wait on `poll`, never on a blocking call, so a collector that accepts and never
/// answers costs the exporter thread at most the export timeout. Used by one thread at a time.
final class OTLPHTTPTransport {
    typealias Outcome = SpanDelivery

    private let endpoint: OTLPEndpoint
    private let head: [UInt8]
    private var connection: Int32 = -1

    init(endpoint: OTLPEndpoint) {
        self.endpoint = endpoint
        let reserved: Set<String> = ["host", "content-type", "content-length", "connection", "transfer-encoding"]
        var head = "POST \(endpoint.path) HTTP/1.1\r\nHost: \(endpoint.host.contains(":") ? "[\(endpoint.host)]" : endpoint.host):\(endpoint.port)\r\n"
        head += "Content-Type: application/x-protobuf\r\nUser-Agent: instswift\r\n"
        for header in endpoint.headers where !reserved.contains(header.name.lowercased()) {
            head += "\(header.name): \(header.value)\r\n"
        }
        self.head = Array(head.utf8)
    }

    deinit { disconnect() }

    /// Posts `body`; a kept-alive connection the collector closed meanwhile is replaced once, at no cost to the deadline.
    func post(_ body: [UInt8], deadline: ContinuousClock.Instant) -> Outcome {
        let reused = connection >= 0
        let outcome = attempt(body, deadline: deadline)
        if reused, case .failed(_, true) = outcome, ContinuousClock.now < deadline {
            disconnect()
            return attempt(body, deadline: deadline)
        }
        return outcome
    }

    private func attempt(_ body: [UInt8], deadline: ContinuousClock.Instant) -> Outcome {
        do {
            if connection < 0 { connection = try open(deadline: deadline) }
            var request = head
            request.append(contentsOf: "Content-Length: \(body.count)\r\n\r\n".utf8)
            try write(request, deadline: deadline)
            try write(body, deadline: deadline)
            let response = try readResponse(deadline: deadline)
            if !response.keepAlive { disconnect() }
            switch response.status {
            case 200..<300: return .accepted
            case 429, 502, 503, 504: return .failed(reason: "the collector answered \(response.status)", retryable: true)
            default: return .failed(reason: "the collector answered \(response.status)", retryable: false)
            }
        } catch {
            disconnect()
            return .failed(reason: error.reason, retryable: true)
        }
    }

    func disconnect() {
        if connection >= 0 { _ = close(connection) }
        connection = -1
    }

    struct TransportError: Error {
        let reason: String
    }

    private func open(deadline: ContinuousClock.Instant) throws(TransportError) -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list)
        guard status == 0, let first = list else {
            throw TransportError(reason: "cannot resolve \(endpoint.host) (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var current: UnsafeMutablePointer<addrinfo>? = first
        while let address = current {
            current = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return fd }
            if errno == EINPROGRESS, wait(fd, for: Int16(POLLOUT), until: deadline) {
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                if getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0, error == 0 { return fd }
                lastError = String(cString: strerror(error))
            } else {
                lastError = errno == EINPROGRESS ? "connecting timed out" : String(cString: strerror(errno))
            }
            _ = close(fd)
        }
        throw TransportError(reason: "cannot connect (\(lastError))")
    }

    /// Whether `fd` became ready for `events` before `deadline`.
    private func wait(_ fd: Int32, for events: Int16, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return false }
            let milliseconds = Int32(min(left / .milliseconds(1), 60_000).rounded(.up))
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&descriptor, 1, max(1, milliseconds))
            if ready > 0 { return true }
            if ready < 0, errno != EINTR { return false }
        }
    }

    private func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(TransportError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                send(connection, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                guard wait(connection, for: Int16(POLLOUT), until: deadline) else { throw TransportError(reason: "sending timed out") }
            } else {
                throw TransportError(reason: "sending failed (\(String(cString: strerror(errno))))")
            }
        }
    }

    private struct Response {
        var status: Int
        var keepAlive: Bool
    }

    private var received: [UInt8] = []
    /// What one `recv` reads into, kept for the connection's life.
    private var readBuffer = [UInt8](repeating: 0, count: 4096)

    /// Reads the status line, the headers and the body (by `Content-Length`, chunked, or to the end).
    private func readResponse(deadline: ContinuousClock.Instant) throws(TransportError) -> Response {
        received.removeAll(keepingCapacity: true)
        var headerEnd: Int?
        while headerEnd == nil {
            try receive(deadline: deadline, endOK: false)
            headerEnd = Self.find([13, 10, 13, 10], in: received)
            if received.count > 65_536 { throw TransportError(reason: "the collector's answer has no end of headers") }
        }
        let headText = String(decoding: received[..<headerEnd!], as: UTF8.self)
        var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false).makeIterator()
        let statusLine = lines.next() ?? ""
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw TransportError(reason: "the collector's answer is not HTTP")
        }
        var keepAlive = parts[0] == "HTTP/1.1"
        var contentLength: Int?
        var chunked = false
        while let line = lines.next() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
            switch name {
            case "content-length": contentLength = Int(value)
            case "transfer-encoding": chunked = value.contains("chunked")
            case "connection": keepAlive = keepAlive ? !value.contains("close") : value.contains("keep-alive")
            default: break
            }
        }
        var body = Array(received[(headerEnd! + 4)...])
        if chunked {
            try readChunked(&body, deadline: deadline)
        } else if let contentLength {
            while body.count < contentLength {
                received.removeAll(keepingCapacity: true)
                try receive(deadline: deadline, endOK: false)
                body.append(contentsOf: received)
            }
        } else {
            keepAlive = false
            while true {
                received.removeAll(keepingCapacity: true)
                guard try receive(deadline: deadline, endOK: true) else { break }
                body.append(contentsOf: received)
            }
        }
        return Response(status: status, keepAlive: keepAlive)
    }

    /// Reads a chunked body to its end: each chunk's size line (hex, extensions ignored), its bytes and CRLF, then the
    /// last chunk (`0`) and any trailers up to the blank line. What the chunks hold is not needed.
    private func readChunked(_ body: inout [UInt8], deadline: ContinuousClock.Instant) throws(TransportError) {
        var offset = 0
        /// The next CRLF-terminated line from `offset`, reading more as needed.
        func line() throws(TransportError) -> String {
            while true {
                if let end = Self.find([13, 10], in: body, from: offset) {
                    defer { offset = end + 2 }
                    return String(decoding: body[offset..<end], as: UTF8.self)
                }
                try more()
            }
        }
        func more() throws(TransportError) {
            received.removeAll(keepingCapacity: true)
            try receive(deadline: deadline, endOK: false)
            body.append(contentsOf: received)
            if body.count > 1 << 20 { throw TransportError(reason: "the collector's answer is too long") }
        }
        while true {
            let sizeText = try line().split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                throw TransportError(reason: "the collector's chunked answer is malformed")
            }
            if size == 0 {
                while try !line().isEmpty {}  // trailers, then the blank line
                return
            }
            while body.count < offset + size + 2 { try more() }
            offset += size + 2
        }
    }

    /// Appends what the socket has to `received`; false at the end of the stream when `endOK`.
    @discardableResult
    private func receive(deadline: ContinuousClock.Instant, endOK: Bool) throws(TransportError) -> Bool {
        while true {
            let count = readBuffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: readBuffer[..<count])
                return true
            }
            if count == 0 {
                if endOK { return false }
                throw TransportError(reason: "the collector closed the connection")
            }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                throw TransportError(reason: "receiving failed (\(String(cString: strerror(errno))))")
            }
            guard wait(connection, for: Int16(POLLIN), until: deadline) else { throw TransportError(reason: "no answer within the export timeout") }
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from first: Int = 0) -> Int? {
        guard haystack.count - first >= needle.count else { return nil }
        for start in first...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }
}

extension Error {
    fileprivate var reason: String { (self as? OTLPHTTPTransport.TransportError)?.reason ?? "\(self)" }
}

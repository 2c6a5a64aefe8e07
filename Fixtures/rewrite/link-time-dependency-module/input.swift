struct HandlerError: Error { var code: Int }

struct Handler {
    func handle(method: String, headers: [String: String], body: [UInt8], tag: String?) throws(HandlerError) -> Int {
        if body.isEmpty { throw HandlerError(code: 400) }
        return 200
    }

    func handleLater(method: String, headers: [(name: String, value: String)], body: [UInt8], tag: String?) async throws -> Int {
        try await Task.sleep(nanoseconds: 1)
        return 204
    }
}

final class Connection {
    let name: String
    init(name: String) {
        self.name = name
    }

    func send(headers: [String: String]) -> Int {
        headers.count
    }

    func map<T>(_ transform: (String) throws -> T) rethrows -> T {
        try transform(name)
    }

    func map<T>(_ transform: (String) async throws -> T) async rethrows -> T {
        try await transform(name)
    }
}

actor Pool {
    var connections: [Connection] = []

    func add(_ connection: Connection) async {
        connections.append(connection)
    }
}

@inlinable
public func checksum(_ bytes: [UInt8]) -> Int {
    bytes.reduce(0) { $0 &+ Int($1) }
}

func numbers() -> AsyncStream<Int> {
    AsyncStream { $0.finish() }
}

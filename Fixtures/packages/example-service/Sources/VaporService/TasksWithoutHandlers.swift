import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Requests made with tasks that have no completion handler, as a client that streams has to on Linux (URLSession has
/// no `bytes(for:)` there): one driven by its session's delegate, one fire-and-forget on the shared session.
final class TasksWithoutHandlers: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var received = Data()
    private var continuation: CheckedContinuation<String, any Error>?

    /// The body at `url`, read by a session delegate.
    static func fetchThroughDelegate(_ url: URL) async throws -> String {
        try await fetchThroughDelegate(URLRequest(url: url))
    }

    /// The response to `request`, read by a session delegate as it arrives (a model's stream, on Linux).
    static func fetchThroughDelegate(_ request: URLRequest) async throws -> String {
        let delegate = TasksWithoutHandlers()
        let session = URLSession(configuration: .default, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            delegate.lock.withLock { delegate.continuation = continuation }
            session.dataTask(with: request).resume()
        }
    }

    /// The status of a request whose outcome only its task holds.
    static func fetchAndForget(_ url: URL) async throws -> Int {
        let task = URLSession.shared.dataTask(with: URLRequest(url: url))
        task.resume()
        while task.state != .completed { try await Task.sleep(nanoseconds: 5_000_000) }
        return (task.response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// The body at `url`, read by a session delegate that is never told the task completed (it has no
    /// `urlSession(_:task:didCompleteWithError:)`): the app watches the task's state instead.
    static func fetchThroughDelegateWithoutCompletion(_ url: URL) async throws -> String {
        let delegate = BodyReader()
        let session = URLSession(configuration: .default, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: url)
        task.resume()
        while task.state != .completed { try await Task.sleep(nanoseconds: 5_000_000) }
        if let error = task.error { throw error }
        return delegate.body
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock { received.append(data) }
    }

    // Its parameters named as this app likes: the URLSession pack refers to them by label.
    func urlSession(_ session: URLSession, task work: URLSessionTask, didCompleteWithError failure: (any Error)?) {
        let (body, continuation) = lock.withLock { (String(decoding: received, as: UTF8.self), self.continuation) }
        if let failure { continuation?.resume(throwing: failure) } else { continuation?.resume(returning: body) }
    }
}

/// A session delegate that only reads the body.
final class BodyReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var received = Data()

    var body: String { lock.withLock { String(decoding: received, as: UTF8.self) } }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock { received.append(data) }
    }
}

/// A download task's session delegate: it is given the answer in a file, which it reads and FoundationNetworking then
/// deletes.
final class DownloadReader: NSObject, URLSessionDownloadDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var size = 0
    private var continuation: CheckedContinuation<Int, any Error>?

    /// The size of the response to `request`, downloaded to a file that a session delegate reads.
    static func download(_ request: URLRequest) async throws -> Int {
        let delegate = DownloadReader()
        let session = URLSession(configuration: .default, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            delegate.lock.withLock { delegate.continuation = continuation }
            session.downloadTask(with: request).resume()
        }
    }

    func urlSession(_ session: URLSession, downloadTask: URLSessionDownloadTask, didFinishDownloadingTo location: URL) {
        let count = (try? Data(contentsOf: location).count) ?? 0
        lock.withLock { size = count }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (size, continuation) = lock.withLock { (self.size, self.continuation) }
        if let error { continuation?.resume(throwing: error) } else { continuation?.resume(returning: size) }
    }
}

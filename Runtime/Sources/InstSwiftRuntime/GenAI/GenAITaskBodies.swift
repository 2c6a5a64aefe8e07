import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Model calls whose response body goes to a URLSession delegate (the way to read a stream as it arrives with
/// URLSession on Linux): the task that carries each, so that the delegate's `urlSession(_:dataTask:didReceive:)` hands
/// the bytes to the call's ``GenAIExchange`` (rules urlsession.client and urlsession.delegate-data), and a download task's
/// `urlSession(_:downloadTask:didFinishDownloadingTo:)` the file (urlsession.delegate-download). The delegate may be
/// written in any module; tasks are told apart by identity. Every delegate's chunks pass through
/// ``InstSwift/genAITaskReceived(_:_:head:)``, so with no model call waiting it is one atomic load.
enum GenAITaskBodies {
    struct Entry {
        let exchange: GenAIExchange
        /// Whether the response's head was given to the exchange (before its first bytes).
        var sawHead = false
    }

    static let watched = Mutex<[ObjectIdentifier: Entry]>([:])
    /// How many tasks are watched: read before the lock on every chunk of every delegate.
    static let count = Atomic<Int>(0)

    static func watch(_ task: ObjectIdentifier, _ exchange: GenAIExchange) {
        watched.withLock { entries in
            if entries.updateValue(Entry(exchange: exchange), forKey: task) == nil { count.add(1, ordering: .relaxed) }
        }
    }

    static func received(_ task: ObjectIdentifier, _ bytes: UnsafeRawBufferPointer, head: () -> (status: Int, contentType: String?)) {
        guard count.load(ordering: .relaxed) > 0 else { return }
        let found: (exchange: GenAIExchange, needsHead: Bool)? = watched.withLock { entries in
            guard let entry = entries[task] else { return nil }
            if !entry.sawHead { entries[task]?.sawHead = true }
            return (entry.exchange, !entry.sawHead)
        }
        guard let found else { return }
        if found.needsHead {
            let (status, contentType) = head()
            found.exchange.responseHead(status: status, contentType: contentType)
        }
        found.exchange.received(bytes)
    }

    /// The body of a download task, in the file its delegate was given: read (mapped, not copied) only when a model call
    /// waits for this task, before the delegate's own code (FoundationNetworking deletes the file after it).
    static func downloaded(_ task: ObjectIdentifier, path: () -> String, head: () -> (status: Int, contentType: String?)) {
        guard count.load(ordering: .relaxed) > 0, watched.withLock({ $0[task] != nil }),
            let body = try? Data(contentsOf: URL(fileURLWithPath: path()), options: .alwaysMapped)
        else { return }
        body.withUnsafeBytes { received(task, $0, head: head) }
    }

    static func finish(_ task: ObjectIdentifier, status: Int, contentType: String?, error: (any Error)?) {
        let entry: Entry? = watched.withLock { entries in
            guard let entry = entries.removeValue(forKey: task) else { return nil }
            count.subtract(1, ordering: .relaxed)
            return entry
        }
        guard let entry else { return }
        if !entry.sawHead { entry.exchange.responseHead(status: status, contentType: contentType) }
        entry.exchange.finish(error: error)
    }
}

extension InstSwift {
    /// Hands the response body that `task`'s session delegate receives to `exchange`, until
    /// ``finishGenAITask(_:status:contentType:error:)``.
    public static func watchGenAITask(_ task: AnyObject, _ exchange: GenAIExchange) {
        GenAITaskBodies.watch(ObjectIdentifier(task), exchange)
    }

    /// Bytes of the response body a session delegate received for `task`; `head` gives the response's status and
    /// `Content-Type` the first time. Nothing happens unless a model call waits for this task's body.
    public static func genAITaskReceived(_ task: AnyObject, _ bytes: UnsafeRawBufferPointer, head: () -> (status: Int, contentType: String?)) {
        GenAITaskBodies.received(ObjectIdentifier(task), bytes, head: head)
    }

    /// The file a session delegate was given with the body of download `task` (at `path`); read only when a model call
    /// waits for this task's body.
    public static func genAITaskDownloaded(
        _ task: AnyObject, path: @autoclosure () -> String, head: () -> (status: Int, contentType: String?)
    ) {
        GenAITaskBodies.downloaded(ObjectIdentifier(task), path: path, head: head)
    }

    /// Ends the model call that waits for `task`'s body, if one does.
    public static func finishGenAITask(_ task: AnyObject, status: Int, contentType: String?, error: (any Error)?) {
        GenAITaskBodies.finish(ObjectIdentifier(task), status: status, contentType: contentType, error: error)
    }
}

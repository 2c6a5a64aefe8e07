import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Every URLSession request method the pack covers, and same-named calls it must leave working.
struct Fetcher {
    let session: URLSession
    let url: URL

    func asyncCalls(_ request: URLRequest, body: Data, file: URL) async throws -> Int {
        let (data, _) = try await session.data(for: request)
        let (more, _) = try await URLSession.shared.data(from: url, delegate: nil)
        _ = try await session.upload(for: request, from: body)
        _ = try await session.upload(for: request, fromFile: file)
        let (saved, _) = try await session.download(from: url)
        return data.count + more.count + saved.path.count
    }

    func completionCalls(_ request: URLRequest) {
        session.dataTask(with: request) { data, response, error in _ = (data, response, error) }.resume()
        session.dataTask(with: url, completionHandler: { _, _, _ in }).resume()
        session.uploadTask(with: request, from: Data()) { _, _, _ in }.resume()
        session.downloadTask(with: url) { _, _, _ in }.resume()
    }

    /// Tasks without a completion handler: the session's delegate hears how they end.
    func delegatedCalls(_ request: URLRequest, body: Data, file: URL) {
        session.dataTask(with: request).resume()
        session.dataTask(with: url).resume()
        session.uploadTask(with: request, from: body).resume()
        session.uploadTask(with: request, fromFile: file).resume()
        session.downloadTask(with: request).resume()
        session.downloadTask(with: url).resume()
    }
}

/// A session delegate: its completion method tells the pack, whatever it names its parameters, and the body it receives
/// reaches a model call's GenAI span.
final class Delegate: NSObject, URLSessionDataDelegate, URLSessionDownloadDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task finished: URLSessionTask, didCompleteWithError problem: (any Error)?) {
        _ = (finished, problem)
    }

    func urlSession(_ session: URLSession, dataTask stream: URLSessionDataTask, didReceive chunk: Data) {
        _ = (stream, chunk)
    }

    func urlSession(_ session: URLSession, downloadTask download: URLSessionDownloadTask, didFinishDownloadingTo file: URL) {
        _ = (download, file)
    }
}

/// Sessions held as optionals: the call unwraps them (`?`, `!`) or they are implicitly unwrapped.
final class OptionalSessions {
    var session: URLSession?
    var implicit: URLSession!

    func calls(_ request: URLRequest) async throws -> Int {
        let chained = try await session?.data(for: request).0.count ?? 0
        let (forced, _) = try await session!.data(from: request.url!)
        let (unwrapped, _) = try await implicit.data(for: request)
        self.session?.dataTask(with: request) { _, _, _ in }.resume()
        return chained + forced.count + unwrapped.count
    }
}

/// A type of the app's own with a method of the same name: its calls are unchanged.
struct Cache {
    func data(for key: String) -> Data? { nil }
}

func lookUp(_ cache: Cache, _ optional: Cache?) -> Data? {
    let other = optional?.data(for: "other")
    return cache.data(for: "key") ?? other
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Every URLSession request method the pack covers, and same-named calls it must leave working.
struct Fetcher {
    let session: URLSession
    let url: URL

    func asyncCalls(_ request: URLRequest, body: Data, file: URL) async throws -> Int {
        let (data, _) = try await /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.data(for: request)
        let (more, _) = try await /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/URLSession.shared/*<instswift>*/)/*</instswift>*/.data(from: url, delegate: nil)
        _ = try await /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.upload(for: request, from: body)
        _ = try await /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.upload(for: request, fromFile: file)
        let (saved, _) = try await /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.download(from: url)
        return data.count + more.count + saved.path.count
    }

    func completionCalls(_ request: URLRequest) {
        /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.dataTask(with: request) { data, response, error in _ = (data, response, error) }.resume()
        /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.dataTask(with: url, completionHandler: { _, _, _ in }).resume()
        /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.uploadTask(with: request, from: Data()) { _, _, _ in }.resume()
        /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.downloadTask(with: url) { _, _, _ in }.resume()
    }

    /// Tasks without a completion handler: the session's delegate hears how they end.
    func delegatedCalls(_ request: URLRequest, body: Data, file: URL) {
        /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.dataTask(with: request).resume()
        /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.dataTask(with: url).resume()
        /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.uploadTask(with: request, from: body).resume()
        /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.uploadTask(with: request, fromFile: file).resume()
        /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.downloadTask(with: request).resume()
        /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/session/*<instswift>*/)/*</instswift>*/.downloadTask(with: url).resume()
    }
}

/// A session delegate: its completion method tells the pack, whatever it names its parameters, and the body it receives
/// reaches a model call's GenAI span.
final class Delegate: NSObject, URLSessionDataDelegate, URLSessionDownloadDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task finished: URLSessionTask, didCompleteWithError problem: (any Error)?) {/*<instswift>*/ Foundation.NotificationCenter.default.post(name: Foundation.Notification.Name("instswift.urlsession.task-completed"), object: finished); /*</instswift>*/
        _ = (finished, problem)
    }

    func urlSession(_ session: URLSession, dataTask stream: URLSessionDataTask, didReceive chunk: Data) {/*<instswift>*/ 
#sourceLocation(file: "rules.yml", line: 420)
chunk.withUnsafeBytes { bytes in
    InstSwift.genAITaskReceived(stream, bytes) {
        let http = stream.response as? HTTPURLResponse
        return (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Content-Type"))
    }
}
#sourceLocation(file: "/work/.build/checkouts/client-kit/Sources/Client/Fetcher.swift", line: 45)
/*</instswift>*/
        _ = (stream, chunk)
    }

    func urlSession(_ session: URLSession, downloadTask download: URLSessionDownloadTask, didFinishDownloadingTo file: URL) {/*<instswift>*/ 
#sourceLocation(file: "rules.yml", line: 437)
InstSwift.genAITaskDownloaded(download, path: file.path) {
    let http = download.response as? HTTPURLResponse
    return (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Content-Type"))
}
#sourceLocation(file: "/work/.build/checkouts/client-kit/Sources/Client/Fetcher.swift", line: 49)
/*</instswift>*/
        _ = (download, file)
    }
}

/// Sessions held as optionals: the call unwraps them (`?`, `!`) or they are implicitly unwrapped.
final class OptionalSessions {
    var session: URLSession?
    var implicit: URLSession!

    func calls(_ request: URLRequest) async throws -> Int {
        let chained = try await session/*<instswift+39>*/.map { InstSwiftURLSession.traced($0) }?.data(for: request).0.count ?? 0
        let (forced, _) = try await session/*<instswift+39>*/.map { InstSwiftURLSession.traced($0) }!.data(from: request.url!)
        let (unwrapped, _) = try await /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/implicit/*<instswift>*/)/*</instswift>*/.data(for: request)
        self.session/*<instswift+39>*/.map { InstSwiftURLSession.traced($0) }?.dataTask(with: request) { _, _, _ in }.resume()
        return chained + forced.count + unwrapped.count
    }
}

/// A type of the app's own with a method of the same name: its calls are unchanged.
struct Cache {
    func data(for key: String) -> Data? { nil }
}

func lookUp(_ cache: Cache, _ optional: Cache?) -> Data? {
    let other = optional/*<instswift+39>*/.map { InstSwiftURLSession.traced($0) }?.data(for: "other")
    return /*<instswift>*/InstSwiftURLSession.traced(/*</instswift>*/cache/*<instswift>*/)/*</instswift>*/.data(for: "key") ?? other
}
/*<instswift>*/
// (the link-time support code the compiler shim appends: see link-time-dependency-module/expected.swift)
/*</instswift>*//*<instswift>*/
// instswift: declarations of rule 'urlsession.client'
#sourceLocation(file: "rules.yml", line: 55)
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// instswift (rule urlsession.client): a URLSession whose requests make CLIENT spans and carry the trace context.
struct InstSwiftURLSession: @unchecked Sendable {
    let session: URLSession

    static func traced(_ session: URLSession) -> InstSwiftURLSession { InstSwiftURLSession(session: session) }

    /// Any other receiver of a method with one of these names, unchanged.
    @_disfavoredOverload static func traced<Receiver>(_ other: Receiver) -> Receiver { other }

    typealias Completion<Body> = @Sendable (Body?, URLResponse?, (any Error)?) -> Void

    func data(for request: URLRequest, delegate: (any URLSessionTaskDelegate)? = nil) async throws -> (Data, URLResponse) {
        try await Self.exchange(request) { try await session.data(for: $0, delegate: delegate) }
    }

    func data(from url: URL, delegate: (any URLSessionTaskDelegate)? = nil) async throws -> (Data, URLResponse) {
        try await Self.exchange(URLRequest(url: url)) { try await session.data(for: $0, delegate: delegate) }
    }

    func upload(for request: URLRequest, from bodyData: Data, delegate: (any URLSessionTaskDelegate)? = nil) async throws -> (Data, URLResponse) {
        try await Self.exchange(request, uploading: bodyData) { try await session.upload(for: $0, from: bodyData, delegate: delegate) }
    }

    func upload(for request: URLRequest, fromFile fileURL: URL, delegate: (any URLSessionTaskDelegate)? = nil) async throws -> (Data, URLResponse) {
        try await Self.exchange(request, uploadingFile: fileURL) { try await session.upload(for: $0, fromFile: fileURL, delegate: delegate) }
    }

    func download(for request: URLRequest, delegate: (any URLSessionTaskDelegate)? = nil) async throws -> (URL, URLResponse) {
        try await Self.exchange(request) { try await session.download(for: $0, delegate: delegate) }
    }

    func download(from url: URL, delegate: (any URLSessionTaskDelegate)? = nil) async throws -> (URL, URLResponse) {
        try await Self.exchange(URLRequest(url: url)) { try await session.download(for: $0, delegate: delegate) }
    }

    func dataTask(with request: URLRequest, completionHandler: @escaping Completion<Data>) -> URLSessionDataTask {
        let (request, finish) = Self.startedExchange(request)
        return session.dataTask(with: request) { finish($0, $1, $2); completionHandler($0, $1, $2) }
    }

    func dataTask(with url: URL, completionHandler: @escaping Completion<Data>) -> URLSessionDataTask {
        dataTask(with: URLRequest(url: url), completionHandler: completionHandler)
    }

    func uploadTask(with request: URLRequest, from bodyData: Data?, completionHandler: @escaping Completion<Data>) -> URLSessionUploadTask {
        let (request, finish) = Self.startedExchange(request, uploading: bodyData)
        return session.uploadTask(with: request, from: bodyData) { finish($0, $1, $2); completionHandler($0, $1, $2) }
    }

    func uploadTask(with request: URLRequest, fromFile fileURL: URL, completionHandler: @escaping Completion<Data>) -> URLSessionUploadTask {
        let (request, finish) = Self.startedExchange(request, uploadingFile: fileURL)
        return session.uploadTask(with: request, fromFile: fileURL) { finish($0, $1, $2); completionHandler($0, $1, $2) }
    }

    func downloadTask(with request: URLRequest, completionHandler: @escaping Completion<URL>) -> URLSessionDownloadTask {
        let (request, finish) = Self.startedDownload(request)
        // The file is read before the handler runs: it is deleted when the handler returns.
        return session.downloadTask(with: request) { finish($0, $1, $2); completionHandler($0, $1, $2) }
    }

    func downloadTask(with url: URL, completionHandler: @escaping Completion<URL>) -> URLSessionDownloadTask {
        downloadTask(with: URLRequest(url: url), completionHandler: completionHandler)
    }

    // Tasks without a completion handler: their session's delegate hears how they end.

    func dataTask(with request: URLRequest) -> URLSessionDataTask {
        guard session.delegate != nil else {
            let (request, finish) = Self.startedExchange(request)
            return session.dataTask(with: request) { finish($0, $1, $2) }
        }
        let (request, finish, model) = Self.startedObserved(request)
        return Self.waiting(for: session.dataTask(with: request), finish, model)
    }

    func dataTask(with url: URL) -> URLSessionDataTask { dataTask(with: URLRequest(url: url)) }

    func uploadTask(with request: URLRequest, from bodyData: Data) -> URLSessionUploadTask {
        guard session.delegate != nil else {
            let (request, finish) = Self.startedExchange(request, uploading: bodyData)
            return session.uploadTask(with: request, from: bodyData) { finish($0, $1, $2) }
        }
        let (request, finish, model) = Self.startedObserved(request, uploading: bodyData)
        return Self.waiting(for: session.uploadTask(with: request, from: bodyData), finish, model)
    }

    func uploadTask(with request: URLRequest, fromFile fileURL: URL) -> URLSessionUploadTask {
        guard session.delegate != nil else {
            let (request, finish) = Self.startedExchange(request, uploadingFile: fileURL)
            return session.uploadTask(with: request, fromFile: fileURL) { finish($0, $1, $2) }
        }
        let (request, finish, model) = Self.startedObserved(request, uploadingFile: fileURL)
        return Self.waiting(for: session.uploadTask(with: request, fromFile: fileURL), finish, model)
    }

    func downloadTask(with request: URLRequest) -> URLSessionDownloadTask {
        guard session.delegate != nil else {
            let (request, finish) = Self.startedDownload(request)
            return session.downloadTask(with: request) { finish($0, $1, $2) }
        }
        // The downloaded file goes to the delegate: a model call's GenAI span reads it there (rule
        // urlsession.delegate-download).
        let (request, finish, model) = Self.startedObserved(request)
        return Self.waiting(for: session.downloadTask(with: request), finish, model)
    }

    func downloadTask(with url: URL) -> URLSessionDownloadTask { downloadTask(with: URLRequest(url: url)) }

    /// Sends `request` in a CLIENT span, with the span's trace context in its headers; a request to a model API
    /// (the GenAI pack's endpoints) is also observed as a GenAI span, the parent of the HTTP one.
    static func exchange<Body>(
        _ request: URLRequest, uploading body: Data? = nil, uploadingFile file: URL? = nil,
        _ send: (URLRequest) async throws -> (Body, URLResponse)
    ) async throws -> (Body, URLResponse) {
        guard let model = modelCall(request, uploading: body, file: file) else { return try await httpExchange(request, send) }
        let result = try await model.run { try await httpExchange(request, send) }
        deliver(result.1, error: nil, to: model) { model in
            if let data = result.0 as? Data {
                data.withUnsafeBytes { model.received($0) }
            } else if let location = result.0 as? URL {
                received(contentsOf: location, by: model)
            }
        }
        return result
    }

    static func httpExchange<Body>(_ request: URLRequest, _ send: (URLRequest) async throws -> (Body, URLResponse)) async throws -> (Body, URLResponse) {
        try await InstSwift.span(
            request.httpMethod ?? "GET", kind: .client,
            attributes: { span in describe(request, on: span) },
            onResult: { span, result in InstSwiftURLSession.finish(span, result.1, nil) },
            onError: { span, error in InstSwiftURLSession.finish(span, nil, error) }
        ) { _ in
            var headers: [String: String] = [:]
            InstSwift.inject(into: &headers)
            return try await send(Self.carrying(headers, request))
        }
    }

    /// Starts a request whose completion handler receives its body: its CLIENT span, under a GenAI span when the
    /// request goes to a model API (the handler gets the whole body, so a stream's chunks are timed as they are
    /// read from it); `finish` ends them with what the handler receives.
    static func startedExchange(
        _ request: URLRequest, uploading body: Data? = nil, uploadingFile file: URL? = nil
    ) -> (URLRequest, @Sendable (Data?, URLResponse?, (any Error)?) -> Void) {
        let (sent, finish, model) = startedObserved(request, uploading: body, uploadingFile: file)
        guard let model else { return (sent, { finish($1, $2) }) }
        return (sent, { data, response, error in
            finish(response, error)
            deliver(response, error: error, to: model) { model in data?.withUnsafeBytes { model.received($0) } }
        })
    }

    /// ``startedExchange(_:uploading:uploadingFile:)`` for a download: the GenAI span reads the downloaded file.
    static func startedDownload(_ request: URLRequest) -> (URLRequest, @Sendable (URL?, URLResponse?, (any Error)?) -> Void) {
        let (sent, finish, model) = startedObserved(request)
        guard let model else { return (sent, { finish($1, $2) }) }
        return (sent, { location, response, error in
            finish(response, error)
            deliver(response, error: error, to: model) { model in if let location { received(contentsOf: location, by: model) } }
        })
    }

    /// Hands a model call's observer what the response said: its head, the body `read` gives it, how it ended.
    static func deliver(
        _ response: URLResponse?, error: (any Error)?, to model: InstSwift.GenAIExchange, _ read: (InstSwift.GenAIExchange) -> Void
    ) {
        let (status, contentType) = head(response)
        model.responseHead(status: status, contentType: contentType)
        read(model)
        model.finish(error: error)
    }

    /// A downloaded body, read from its file (mapped, not copied) by a model call's observer.
    static func received(contentsOf location: URL, by model: InstSwift.GenAIExchange) {
        guard let body = try? Data(contentsOf: location, options: .alwaysMapped) else { return }
        body.withUnsafeBytes { model.received($0) }
    }

    /// Starts a request's CLIENT span, and a GenAI span above it (returned) when it goes to a model API; the
    /// caller hands the GenAI span the response (a delegate's bytes: `waiting(for:_:_:)`).
    static func startedObserved(
        _ request: URLRequest, uploading body: Data? = nil, uploadingFile file: URL? = nil
    ) -> (URLRequest, InstSwiftURLSessionTasks.Finish, InstSwift.GenAIExchange?) {
        guard let model = modelCall(request, uploading: body, file: file) else {
            let (request, finish) = started(request)
            return (request, finish, nil)
        }
        let (sent, finish) = model.runSynchronously { started(request) }
        return (sent, finish, model)
    }

    /// `task`, whose spans end when it completes; a model call's GenAI span reads the body its delegate receives
    /// (rule urlsession.delegate-data).
    static func waiting<SomeTask: URLSessionTask>(
        for task: SomeTask, _ finish: @escaping InstSwiftURLSessionTasks.Finish, _ model: InstSwift.GenAIExchange?
    ) -> SomeTask {
        guard let model else { return InstSwiftURLSessionTasks.shared.wait(for: task, finish) }
        InstSwift.watchGenAITask(task, model)
        return InstSwiftURLSessionTasks.shared.wait(for: task) { response, error in
            finish(response, error)
            let (status, contentType) = head(response)
            InstSwift.finishGenAITask(task, status: status, contentType: contentType, error: error)
        }
    }

    /// A response's status and `Content-Type` (0 and nil when it is not HTTP or there is none).
    static func head(_ response: URLResponse?) -> (status: Int, contentType: String?) {
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Content-Type"))
    }

    /// The GenAI observer of `request`, or nil when it does not go to a model API. A body uploaded from `file` is
    /// read (mapped) only for a model API's request.
    static func modelCall(_ request: URLRequest, uploading body: Data?, file: URL? = nil) -> InstSwift.GenAIExchange? {
        let method = request.httpMethod ?? "GET", url = request.url?.absoluteString ?? ""
        if let file {
            let model = InstSwift.genAIExchange(method: method, url: url, requestBody: nil)
            if let model, let uploaded = try? Data(contentsOf: file, options: .alwaysMapped) { uploaded.withUnsafeBytes { model.requestBody($0) } }
            return model
        }
        return (body ?? request.httpBody).map { data in
            data.withUnsafeBytes { InstSwift.genAIExchange(method: method, url: url, requestBody: $0) }
        } ?? InstSwift.genAIExchange(method: method, url: url, requestBody: nil)
    }

    /// Starts the CLIENT span of a request sent with a completion handler; `finish` ends it.
    static func started(_ request: URLRequest) -> (URLRequest, @Sendable (URLResponse?, (any Error)?) -> Void) {
        let span = InstSwift.startSpan(request.httpMethod ?? "GET", kind: .client, attributes: { span in describe(request, on: span) })
        var headers: [String: String] = [:]
        InstSwift.inject(into: &headers, from: span)
        return (carrying(headers, request), { response, error in
            InstSwiftURLSession.finish(span, response, error)
            InstSwift.end(span)
        })
    }

    /// `request` with the trace context headers set (replacing any it carried).
    static func carrying(_ headers: [String: String], _ request: URLRequest) -> URLRequest {
        var request = request
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return request
    }

    static func describe(_ request: URLRequest, on span: InstSwift.AnySpan) {
        guard let url = request.url else { return }
        InstSwift.record("http.request.method", request.httpMethod ?? "GET", on: span)
        // url.full never carries credentials (user:password@).
        var full = URLComponents(url: url, resolvingAgainstBaseURL: false)
        full?.user = nil
        full?.password = nil
        InstSwift.record("url.full", full?.string ?? url.absoluteString, on: span)
        InstSwift.record("server.address", url.host, on: span)
        InstSwift.record("server.port", url.port ?? (url.scheme == "https" ? 443 : 80), on: span)
    }

    static func finish(_ span: InstSwift.AnySpan, _ response: URLResponse?, _ error: (any Error)?) {
        if let error {
            InstSwift.record("error.type", (error as? URLError).map { "URLError.\($0.code.rawValue)" } ?? String(reflecting: type(of: error)), on: span)
        } else if let status = (response as? HTTPURLResponse)?.statusCode {
            InstSwift.record("http.response.status_code", status, on: span)
            if status >= 400 { InstSwift.record("error.type", String(status), on: span) }
        }
    }
}

#sourceLocation()
/*</instswift>*//*<instswift>*/
// instswift: declarations of rule 'urlsession.client'
#sourceLocation(file: "rules.yml", line: 326)
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// Foundation's types are named with their module: a module may declare its own `Notification` (swift-sdk's MCP does).
/// instswift (rule urlsession.client): the CLIENT spans of tasks that report to their session's delegate, each ended
/// when the delegate hears its task complete (rule urlsession.delegate-completion posts ``completed``; each module
/// the rules instrument has its own registry, and each hears it) — or, under a delegate without that method, when
/// a poll finds it completed (every ``pollInterval`` while spans wait, and whenever a task is made).
final class InstSwiftURLSessionTasks: @unchecked Sendable {
    static let shared = InstSwiftURLSessionTasks()
    /// What rule urlsession.delegate-completion posts, with the task.
    static let completed = Foundation.Notification.Name("instswift.urlsession.task-completed")
    /// Spans that wait at most; beyond it the oldest ends (a task never resumed, a delegate never told).
    static let limit = 1024
    /// How often waiting tasks are looked at: a delegate without the completion method tells nobody.
    static let pollInterval = Dispatch.DispatchTimeInterval.milliseconds(10)

    typealias Finish = @Sendable (URLResponse?, (any Error)?) -> Void
    private let lock = Foundation.NSLock()
    private var waiting: [ObjectIdentifier: (task: URLSessionTask, finish: Finish, order: Int)] = [:]
    private var order = 0
    private var observer: (any Foundation.NSObjectProtocol)?
    private var poller: (any Dispatch.DispatchSourceTimer)?

    /// `task`, whose span `finish` ends when the task completes.
    func wait<SomeTask: URLSessionTask>(for task: SomeTask, _ finish: @escaping Finish) -> SomeTask {
        var ended: [(task: URLSessionTask, finish: Finish)] = []
        lock.lock()
        if observer == nil {
            observer = Foundation.NotificationCenter.default.addObserver(forName: Self.completed, object: nil, queue: nil) { note in
                if let task = note.object as? URLSessionTask { InstSwiftURLSessionTasks.shared.complete(task) }
            }
        }
        takeCompleted(into: &ended)
        if waiting.count >= Self.limit, let oldest = waiting.min(by: { $0.value.order < $1.value.order }) {
            ended.append((oldest.value.task, oldest.value.finish))
            waiting[oldest.key] = nil
        }
        order += 1
        waiting[ObjectIdentifier(task)] = (task, finish, order)
        if poller == nil {
            let timer = Dispatch.DispatchSource.makeTimerSource(queue: .global(qos: .utility))
            timer.schedule(deadline: .now() + Self.pollInterval, repeating: Self.pollInterval, leeway: .milliseconds(1))
            timer.setEventHandler { InstSwiftURLSessionTasks.shared.poll() }
            timer.resume()
            poller = timer
        }
        lock.unlock()
        for entry in ended { entry.finish(entry.task.response, entry.task.error) }
        return task
    }

    /// Ends the spans of completed tasks; stops polling when none waits.
    private func poll() {
        var ended: [(task: URLSessionTask, finish: Finish)] = []
        lock.lock()
        takeCompleted(into: &ended)
        if waiting.isEmpty {
            poller?.cancel()
            poller = nil
        }
        lock.unlock()
        for entry in ended { entry.finish(entry.task.response, entry.task.error) }
    }

    /// Moves the completed tasks out of `waiting` (the lock held).
    private func takeCompleted(into ended: inout [(task: URLSessionTask, finish: Finish)]) {
        for (key, entry) in waiting where entry.task.state == .completed {
            ended.append((entry.task, entry.finish))
            waiting[key] = nil
        }
    }

    /// Ends the span of `task`, if one waits for it.
    func complete(_ task: URLSessionTask) {
        lock.lock()
        let entry = waiting.removeValue(forKey: ObjectIdentifier(task))
        lock.unlock()
        entry?.finish(task.response, task.error)
    }
}

#sourceLocation()
/*</instswift>*/
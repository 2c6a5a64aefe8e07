import Instrumentation
import Synchronization
import Tracing
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension InstSwift {
    /// The GenAI observer's type, by the name the link-time support gives it (rules name it the same in either module).
    public typealias GenAIExchange = InstSwiftRuntime.GenAIExchange

    /// An observer for one HTTP exchange with a model API, or nil when `url` is not one (or nothing traces). It starts
    /// the GenAI CLIENT span (`chat gpt-4o`), the parent of the HTTP client's own span.
    ///
    /// The caller runs the request with ``GenAIExchange/run(isolation:_:)``, reports the response head, hands over the
    /// body's bytes as its consumer reads them and calls ``GenAIExchange/finish(error:)`` when the body ends (a dropped
    /// exchange finishes by itself).
    public static func genAIExchange(method: String, url: String, requestBody: UnsafeRawBufferPointer?) -> GenAIExchange? {
        guard shouldTrace, let endpoint = GenAIEndpoint.recognise(method: method, url: url) else { return nil }
        let exchange = GenAIExchange(endpoint: endpoint, request: GenAIRequestSummary(body: requestBody, api: endpoint.api))
        if let capture = exchange.capture, exchange.span.isRecording {
            exchange.span.attributes[SemanticConventions.genAIInputMessages] = capture.attribute(GenAIContentCapture.inputMessages(requestBody))
        }
        return exchange
    }
}

/// One call to a model: its span, and what the response tells as it streams. Thread-safe; finishes once.
public final class GenAIExchange: Sendable {
    let endpoint: GenAIEndpoint
    let span: any Span
    let start: ContinuousClock.Instant
    /// The agent or workflow spans above this call, which sum its tokens.
    let tally: GenAITokenTally?
    /// Set only when the user opted in to content capture.
    let capture: GenAIContentCapture?

    struct State {
        /// What the request asked for; read again when its body is shown after the start (``requestBody(_:)``).
        var request: GenAIRequestSummary
        var status: Int?
        var splitter: ResponseChunkSplitter?
        /// A body that is not a stream, kept until it ends (bounded by `GenAIRequestSummary.maximumBodySize`).
        var body: [UInt8] = []
        var bodyTooLarge = false
        var response = GenAIResponseSummary()
        var firstChunk: ContinuousClock.Instant?
        var lastChunk: ContinuousClock.Instant?
        var chunkIntervals: [Double] = []
        /// The envelope of the stream's output chunks (``OutputChunkTemplate``).
        var outputTemplate = OutputChunkTemplate()
        var finished = false
        /// With content capture on: the answer's text and tool calls, as they arrived.
        var outputText = ""
        var outputTools: [String] = []
    }

    let state: Mutex<State>

    init(endpoint: GenAIEndpoint, request: GenAIRequestSummary) {
        self.endpoint = endpoint
        self.state = Mutex(State(request: request))
        self.start = .now
        self.tally = GenAITokenTally.current
        self.capture = GenAIContentCapture.configured
        span = InstSwift.start(Self.spanName(endpoint, request), kind: .client, context: nil, function: #function, file: #fileID, line: #line)
        recordRequest(request)
    }

    /// `{gen_ai.operation.name} {gen_ai.request.model}`, or the operation alone while the model is unknown.
    static func spanName(_ endpoint: GenAIEndpoint, _ request: GenAIRequestSummary) -> String {
        request.model.map { "\(endpoint.operation) \($0)" } ?? endpoint.operation
    }

    deinit { finish(error: nil) }

    /// Runs the request with this exchange's span as the current context, so the HTTP client's span is its child. A
    /// request that fails finishes the exchange with its error.
    public func run<T>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T) async throws -> T {
        do {
            return try await InstrumentationContext.$current.withValue(span.context, operation: body, isolation: isolation)
        } catch {
            finish(error: error)
            throw error
        }
    }

    /// Runs a synchronous body that starts the request (AsyncHTTPClient's EventLoopFuture API) with this exchange's span
    /// as the current context, so the HTTP client's span is its child.
    public func runSynchronously<T>(_ body: () throws -> T) rethrows -> T {
        try InstrumentationContext.$current.withValue(span.context, operation: body)
    }

    /// The request's body, for a client that streams it after the exchange started (AsyncHTTPClient's EventLoopFuture
    /// API): reads the request again, names the span after its model and records its parameters. Ignored once the
    /// response has begun.
    public func requestBody(_ bytes: UnsafeRawBufferPointer) {
        let request = GenAIRequestSummary(body: bytes, api: endpoint.api)
        let accepted = state.withLock { state in
            guard !state.finished, state.status == nil else { return false }
            state.request = request
            return true
        }
        guard accepted, span.isRecording else { return }
        span.operationName = Self.spanName(endpoint, request)
        recordRequest(request)
        if let capture {
            span.attributes[SemanticConventions.genAIInputMessages] = capture.attribute(GenAIContentCapture.inputMessages(bytes))
        }
    }

    /// The response's status and `Content-Type`, which tells how its body is framed.
    public func responseHead(status: Int, contentType: String?) {
        let type = contentType?.lowercased() ?? ""
        state.withLock { state in
            state.status = status
            if type.contains("text/event-stream") {
                state.splitter = ResponseChunkSplitter(framing: .serverSentEvents)
            } else if type.contains("ndjson") || (endpoint.api == .ollama && state.request.stream && !type.contains("application/json")) {
                state.splitter = ResponseChunkSplitter(framing: .jsonLines)
            }
        }
    }

    /// Bytes of the response body, as the consumer reads them.
    public func received(_ bytes: UnsafeRawBufferPointer) {
        let now = ContinuousClock.now
        state.withLock { state in
            guard !state.finished else { return }
            // Taken out while it runs (the documents it hands over change the state): a copy left in the state would
            // make every line buffer copy on write.
            if var splitter = state.splitter.take() {
                splitter.consume(bytes) { document in Self.chunk(document, at: now, capturing: capture != nil, &state) }
                state.splitter = splitter
            } else if !state.bodyTooLarge {
                if state.body.count + bytes.count > GenAIRequestSummary.maximumBodySize {
                    state.bodyTooLarge = true
                    state.body = []
                } else {
                    state.body.append(contentsOf: bytes)
                }
            }
        }
    }

    /// Ends the exchange: records what the response reported and ends the span. `error` is what ended the body early
    /// (a cut connection); nil when it ended normally or its consumer stopped reading.
    public func finish(error: (any Error)?) {
        let end = ContinuousClock.now
        let snapshot: State? = state.withLock { state in
            guard !state.finished else { return nil }
            state.finished = true
            if var splitter = state.splitter.take() {
                splitter.finish { document in Self.chunk(document, at: end, capturing: capture != nil, &state) }
                state.splitter = splitter
            } else if !state.body.isEmpty, let fields = state.body.withUnsafeBytes({ try? GenAIResponseFields(json: $0) }) {
                state.response.merge(fields)
                if capture != nil {
                    let body = state.body
                    body.withUnsafeBytes { Self.captureOutput($0, &state) }
                }
            }
            state.body = []
            return state
        }
        guard let snapshot else { return }
        recordResponse(snapshot, error: error, end: end)
        TracerCall.end(span)
    }

    /// One JSON document of a stream: its fields, and its timing when it carries output. Once the first chunk told the
    /// response's id or model, a chunk that is output and nothing else is only timed: one in the envelope of the last
    /// such chunk (``OutputChunkTemplate``), or one the triage places (``StreamChunkTriage``).
    static func chunk(_ document: UnsafeRawBufferPointer, at time: ContinuousClock.Instant, capturing: Bool, _ state: inout State) {
        let known = state.response.id != nil || state.response.model != nil
        let outputOnly: Bool
        if capturing || !known {
            outputOnly = false
        } else if state.outputTemplate.matches(document) {
            outputOnly = true
        } else {
            outputOnly = StreamChunkTriage.triage(document) == .outputOnly
            if outputOnly { state.outputTemplate.learn(document) }
        }
        if !outputOnly {
            guard let fields = try? GenAIResponseFields(json: document) else { return }
            state.response.merge(fields)
            if capturing { captureOutput(document, &state) }
            guard fields.carriesOutput else { return }
        }
        if let last = state.lastChunk {
            state.chunkIntervals.append((time - last).seconds)
        } else {
            state.firstChunk = time
        }
        state.lastChunk = time
    }
}

extension GenAIExchange {
    /// Keeps the text and tool calls of a response document (content capture only), bounded by the capture's length.
    static func captureOutput(_ document: UnsafeRawBufferPointer, _ state: inout State) {
        guard let piece = try? JSONDecoder().decode(GenAIContentCapture.OutputPiece.self, from: Data(document)) else { return }
        if state.outputText.count < 1 << 20 { state.outputText += piece.text }
        state.outputTools += piece.toolNames
    }

    /// `gen_ai.output.messages` for what was captured.
    func outputMessages(_ state: State) -> String? {
        guard let capture else { return nil }
        var parts: [GenAIContentCapture.Part] = []
        if !state.outputText.isEmpty { parts.append(.init(type: "text", content: state.outputText)) }
        parts += state.outputTools.map { .init(type: "tool_call", content: nil, name: $0) }
        guard !parts.isEmpty else { return nil }
        return capture.attribute([.init(role: "assistant", parts: parts, finish_reason: state.response.finishReasons.first)])
    }
}

extension Duration {
    /// The duration in seconds, as the conventions measure time.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

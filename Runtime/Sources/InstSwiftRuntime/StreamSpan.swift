public import Tracing
import Synchronization

/// What a stream span records while its stream is consumed.
public struct StreamObservation<Element>: Sendable {
    /// Records attributes from each element (the last value of a key wins).
    public var onElement: @Sendable (any Span, Element) -> Void
    /// Receives the seconds from the span's start to the first element.
    public var firstElementTimeAttribute: String?
    /// Receives the number of elements.
    public var elementCountAttribute: String?

    /// Creates an observation.
    public init(
        onElement: @escaping @Sendable (any Span, Element) -> Void = { _, _ in },
        firstElementTimeAttribute: String? = nil,
        elementCountAttribute: String? = nil
    ) {
        self.onElement = onElement
        self.firstElementTimeAttribute = firstElementTimeAttribute
        self.elementCountAttribute = elementCountAttribute
    }
}

/// A stream type the runtime can rebuild around an observer while keeping its type, so a function keeps its
/// declared return type when its span ends with the stream.
public protocol InstSwiftRewrappableStream: AsyncSequence {
    /// The same stream, reporting its progress to `state`.
    static func instswiftRewrap(_ base: Self, _ state: StreamSpanState<Element>) -> Self
}

extension AsyncThrowingStream: InstSwiftRewrappableStream where Failure == any Error {
    public static func instswiftRewrap(_ base: Self, _ state: StreamSpanState<Element>) -> Self {
        let iterator = UncheckedBox(base.makeAsyncIterator())
        return AsyncThrowingStream {
            do {
                let element = try await iterator.value.next()
                state.observe(element)
                return element
            } catch {
                state.fail(error)
                throw error
            }
        }
    }
}

extension AsyncStream: InstSwiftRewrappableStream {
    public static func instswiftRewrap(_ base: Self, _ state: StreamSpanState<Element>) -> Self {
        let iterator = UncheckedBox(base.makeAsyncIterator())
        return AsyncStream {
            let element = await iterator.value.next()
            state.observe(element)
            return element
        } onCancel: {
            state.finish()
        }
    }
}

/// The span of a stream: ends when the stream finishes, fails, or is dropped unfinished.
public final class StreamSpanState<Element>: Sendable {
    private let span: any Span
    private let observation: StreamObservation<Element>
    private let start: ContinuousClock.Instant
    private let progress = Mutex<(count: Int, ended: Bool)>((0, false))

    init(span: any Span, observation: StreamObservation<Element>) {
        self.span = span
        self.observation = observation
        self.start = .now
    }

    deinit { finish() }

    func observe(_ element: Element?) {
        guard let element else { return finish() }
        let count = progress.withLock { state in
            state.count += 1
            return state.count
        }
        if count == 1, let key = observation.firstElementTimeAttribute {
            let elapsed = ContinuousClock.now - start
            span.attributes[key] = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        observation.onElement(span, element)
    }

    func fail(_ error: any Error) {
        InstSwift.fail(span, error)
        finish()
    }

    func finish() {
        let (count, wasEnded) = progress.withLock { state in
            defer { state.ended = true }
            return (state.count, state.ended)
        }
        guard !wasEnded else { return }
        if let key = observation.elementCountAttribute { span.attributes[key] = count }
        TracerCall.end(span)
    }
}

/// Holds a value that one consumer at a time uses.
final class UncheckedBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

extension InstSwift {
    /// Runs `body` in a span that ends when the stream it returns finishes, not when `body` returns.
    public static func streamSpan<S: InstSwiftRewrappableStream, E: Error>(
        _ name: String,
        kind: SpanKind = .internal,
        context: InstrumentationContext? = nil,
        attributes: (any Span) -> Void = { _ in },
        observing observation: StreamObservation<S.Element> = .init(),
        function: String = #function,
        file: String = #fileID,
        line: UInt = #line,
        _ body: (any Span) throws(E) -> S
    ) throws(E) -> S {
        let span = start(name, kind: kind, context: context, function: function, file: file, line: line)
        if span.isRecording { attributes(span) }
        let outcome: Result<S, E> = InstrumentationContext.$current.withValue(span.context) {
            do throws(E) { return .success(try body(span)) } catch { return .failure(error) }
        }
        switch outcome {
        case .success(let stream):
            return S.instswiftRewrap(stream, StreamSpanState(span: span, observation: observation))
        case .failure(let error):
            fail(span, error)
            TracerCall.end(span)
            throw error
        }
    }

    /// Runs an async `body` in a span that ends when the stream it returns finishes.
    public static func streamSpan<S: InstSwiftRewrappableStream, E: Error>(
        _ name: String,
        kind: SpanKind = .internal,
        context: InstrumentationContext? = nil,
        attributes: (any Span) -> Void = { _ in },
        observing observation: StreamObservation<S.Element> = .init(),
        isolation: isolated (any Actor)? = #isolation,
        function: String = #function,
        file: String = #fileID,
        line: UInt = #line,
        _ body: (any Span) async throws(E) -> S
    ) async throws(E) -> S {
        // Passed on as a `nonisolated(nonsending)` value, the body still runs where its own type says.
        try await nonsendingStreamSpan(
            name, kind: kind, context: context, attributes: attributes, observing: observation, isolation: isolation,
            function: function, file: file, line: line, body)
    }

    /// ``streamSpan(_:kind:context:attributes:observing:isolation:function:file:line:_:)`` for the body of a
    /// `nonisolated(nonsending)` function, which runs on the caller's actor.
    public static func nonsendingStreamSpan<S: InstSwiftRewrappableStream, E: Error>(
        _ name: String,
        kind: SpanKind = .internal,
        context: InstrumentationContext? = nil,
        attributes: (any Span) -> Void = { _ in },
        observing observation: StreamObservation<S.Element> = .init(),
        isolation: isolated (any Actor)? = #isolation,
        function: String = #function,
        file: String = #fileID,
        line: UInt = #line,
        _ body: nonisolated(nonsending) (any Span) async throws(E) -> S
    ) async throws(E) -> S {
        let span = start(name, kind: kind, context: context, function: function, file: file, line: line)
        if span.isRecording { attributes(span) }
        // The operation captures `isolation`, so it runs on the caller's actor and so does the body it calls.
        let outcome: Result<S, E> = await InstrumentationContext.$current.withValue(span.context) {
            _ = isolation
            do throws(E) { return .success(try await body(span)) } catch { return .failure(error) }
        }
        switch outcome {
        case .success(let stream):
            return S.instswiftRewrap(stream, StreamSpanState(span: span, observation: observation))
        case .failure(let error):
            fail(span, error)
            TracerCall.end(span)
            throw error
        }
    }
}

import Instrumentation
import InstSwiftRuntime
import Synchronization
import Tracing

/// A span of instswift's own pipeline: its state behind one lock, handed to the export queue as one value when it ends.
final class PipelineSpan: Tracing.Span, Sendable {
    let context: InstrumentationContext
    let identity: SpanIdentity
    /// The parent's span id; 0 for a root.
    let parentSpanID: UInt64
    /// Whether the parent was started in another process.
    let parentIsRemote: Bool
    let kind: SpanKind
    let startNanoseconds: UInt64
    /// Whether the sampler kept it: a span it dropped records nothing and exports nothing.
    let sampled: Bool
    private let queue: SpanExportQueue
    private let state: Mutex<State>

    struct State: Sendable {
        var name: String
        var attributes: SpanAttributes = [:]
        var events: [SpanEvent] = []
        var links: [SpanRecord.Link] = []
        var status: SpanStatus?
        var ended = false
    }

    init(
        name: String, context: InstrumentationContext, identity: SpanIdentity, parent: SpanIdentity?, kind: SpanKind,
        startNanoseconds: UInt64, sampled: Bool, queue: SpanExportQueue
    ) {
        self.context = context
        self.identity = identity
        parentSpanID = parent?.spanID ?? 0
        parentIsRemote = parent?.isRemote ?? false
        self.kind = kind
        self.startNanoseconds = startNanoseconds
        self.sampled = sampled
        self.queue = queue
        state = Mutex(State(name: name))
    }

    var operationName: String {
        get { state.withLock { $0.name } }
        set { if sampled { state.withLock { if !$0.ended { $0.name = newValue } } } }
    }

    var attributes: SpanAttributes {
        get { state.withLock { $0.attributes } }
        set { if sampled { state.withLock { if !$0.ended { $0.attributes = newValue } } } }
    }

    var isRecording: Bool { sampled && !state.withLock { $0.ended } }

    /// `ok` is final; a description is kept only with `error` (the specification's Set Status).
    func setStatus(_ status: SpanStatus) {
        guard sampled else { return }
        state.withLock { state in
            guard !state.ended, state.status?.code != .ok else { return }
            state.status = status.code == .ok ? SpanStatus(code: .ok) : status
        }
    }

    func addEvent(_ event: SpanEvent) {
        guard sampled else { return }
        state.withLock { if !$0.ended { $0.events.append(event) } }
    }

    /// An `exception` event with `exception.type` and `exception.message` (the exception conventions).
    func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {
        guard sampled else { return }
        var eventAttributes: SpanAttributes = [
            "exception.type": .string(String(describing: type(of: error))),
            "exception.message": .string(String(describing: error)),
        ]
        eventAttributes.merge(attributes)
        addEvent(SpanEvent(name: "exception", at: instant(), attributes: eventAttributes))
    }

    /// Links to contexts without a span of this pipeline (nothing to point at) are left out.
    func addLink(_ link: SpanLink) {
        guard sampled, let target = link.context[SpanIdentityKey.self] else { return }
        state.withLock { if !$0.ended { $0.links.append(SpanRecord.Link(identity: target, attributes: link.attributes)) } }
    }

    func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        guard sampled else { return }
        let end = instant().nanosecondsSinceEpoch
        let finished = state.withLock { state -> SpanRecord? in
            guard !state.ended else { return nil }
            state.ended = true
            return SpanRecord(
                identity: identity, parentSpanID: parentSpanID, parentIsRemote: parentIsRemote, name: state.name, kind: kind,
                startNanoseconds: startNanoseconds,
                endNanoseconds: end, attributes: state.attributes, events: state.events, links: state.links, status: state.status
            )
        }
        if let finished { queue.enqueue(finished) }
    }
}

extension PipelineSpan: AttributeSettingSpan {
    /// In place: no copy of the other attributes.
    func setAttribute(_ key: String, _ value: SpanAttribute) {
        guard sampled else { return }
        state.withLock { if !$0.ended { $0.attributes[key] = value } }
    }
}

extension PipelineSpan: SamplerOutcome {
    var isSampledOut: Bool { !sampled }
}

/// An ended span as the exporter encodes it.
struct SpanRecord: Sendable {
    struct Link: Sendable {
        let identity: SpanIdentity
        let attributes: SpanAttributes
    }

    let identity: SpanIdentity
    let parentSpanID: UInt64
    let parentIsRemote: Bool
    let name: String
    let kind: SpanKind
    let startNanoseconds: UInt64
    let endNanoseconds: UInt64
    let attributes: SpanAttributes
    let events: [SpanEvent]
    let links: [Link]
    let status: SpanStatus?
}

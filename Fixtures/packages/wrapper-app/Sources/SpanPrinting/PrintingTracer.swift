import Foundation
import Synchronization
import Tracing

/// A tracer that prints each span when it ends: `span <name> parent=<name or -> <attributes>`.
public struct PrintingTracer: Tracer {
    public init() {}

    private enum NameKey: InstrumentationContextKey { typealias Value = String }

    public func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> PrintedSpan {
        let parent = context()
        var own = parent
        own[NameKey.self] = operationName
        return PrintedSpan(operationName: operationName, parentName: parent[NameKey.self], context: own)
    }

    public func forceFlush() {}
    public func extract<Carrier, Extract: Extractor>(_ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract)
    where Extract.Carrier == Carrier {}
    public func inject<Carrier, Inject: Injector>(_ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject)
    where Inject.Carrier == Carrier {}
}

public final class PrintedSpan: Span {
    public let context: InstrumentationContext
    let parentName: String?
    private let state: Mutex<(name: String, attributes: SpanAttributes)>

    init(operationName: String, parentName: String?, context: InstrumentationContext) {
        self.context = context
        self.parentName = parentName
        self.state = Mutex((operationName, [:]))
    }

    public var operationName: String {
        get { state.withLock { $0.name } }
        set { state.withLock { $0.name = newValue } }
    }
    public var attributes: SpanAttributes {
        get { state.withLock { $0.attributes } }
        set { state.withLock { $0.attributes = newValue } }
    }
    public var isRecording: Bool { true }
    public func setStatus(_ status: SpanStatus) {}
    public func addEvent(_ event: SpanEvent) {}
    public func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {}
    public func addLink(_ link: SpanLink) {}
    public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        var described: [String] = []
        attributes.forEach { key, value in described.append("\(key)=\(value)") }
        print("span \(operationName) parent=\(parentName ?? "-") \(described.sorted().joined(separator: " "))")
    }
}

public import Instrumentation
import Synchronization
public import Tracing

extension InstSwift {
    /// Runs `body` in an `invoke_agent {name}` span (in-process, so INTERNAL). The span carries the sum of the token
    /// usage of every model call beneath it, nested agents included: which agent turn spent the tokens is one query.
    @inlinable
    public static func invokeAgent<T, E: Error>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, function: String = #function, file: String = #fileID,
        line: UInt = #line, _ body: () async throws(E) -> T
    ) async throws(E) -> T {
        try await talliedSpan("invoke_agent \(name)", { GenAIAgentAttributes.agent(name, on: $0) }, isolation, function, file, line, body)
    }

    /// The synchronous form of ``invokeAgent(_:isolation:function:file:line:_:)``.
    @inlinable
    public static func invokeAgent<T, E: Error>(
        _ name: String, function: String = #function, file: String = #fileID, line: UInt = #line, _ body: () throws(E) -> T
    ) throws(E) -> T {
        try talliedSpan("invoke_agent \(name)", { GenAIAgentAttributes.agent(name, on: $0) }, function, file, line, body)
    }

    /// Runs `body` in an `invoke_workflow {name}` span, which sums the tokens beneath it like an agent span.
    @inlinable
    public static func invokeWorkflow<T, E: Error>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, function: String = #function, file: String = #fileID,
        line: UInt = #line, _ body: () async throws(E) -> T
    ) async throws(E) -> T {
        try await talliedSpan("invoke_workflow \(name)", { GenAIAgentAttributes.workflow(name, on: $0) }, isolation, function, file, line, body)
    }

    /// The synchronous form of ``invokeWorkflow(_:isolation:function:file:line:_:)``.
    @inlinable
    public static func invokeWorkflow<T, E: Error>(
        _ name: String, function: String = #function, file: String = #fileID, line: UInt = #line, _ body: () throws(E) -> T
    ) throws(E) -> T {
        try talliedSpan("invoke_workflow \(name)", { GenAIAgentAttributes.workflow(name, on: $0) }, function, file, line, body)
    }

    /// Runs `body` in an `execute_tool {name}` span.
    @inlinable
    public static func executeTool<T, E: Error>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, function: String = #function, file: String = #fileID,
        line: UInt = #line, _ body: () async throws(E) -> T
    ) async throws(E) -> T {
        try await span(
            "execute_tool \(name)", attributes: { GenAIAgentAttributes.tool(name, on: $0) }, isolation: isolation,
            function: function, file: file, line: line
        ) { _ throws(E) in try await body() }
    }

    /// The synchronous form of ``executeTool(_:isolation:function:file:line:_:)``.
    @inlinable
    public static func executeTool<T, E: Error>(
        _ name: String, function: String = #function, file: String = #fileID, line: UInt = #line, _ body: () throws(E) -> T
    ) throws(E) -> T {
        try span("execute_tool \(name)", attributes: { GenAIAgentAttributes.tool(name, on: $0) }, function: function, file: file, line: line) {
            _ throws(E) in try body()
        }
    }

    /// A span whose context carries a new token tally, recorded on the span when `body` ends.
    @inlinable
    static func talliedSpan<T, E: Error>(
        _ name: String, _ attributes: (any Span) -> Void, _ isolation: isolated (any Actor)?, _ function: String, _ file: String,
        _ line: UInt, _ body: () async throws(E) -> T
    ) async throws(E) -> T {
        let (context, tally) = GenAITokenTally.contextCounting()
        return try await span(
            name, context: context, attributes: attributes, onResult: { span, _ in tally.record(on: span) },
            onError: { span, _ in tally.record(on: span) }, isolation: isolation, function: function, file: file, line: line
        ) { _ throws(E) in try await body() }
    }

    /// The synchronous form of the async `talliedSpan`.
    @inlinable
    static func talliedSpan<T, E: Error>(
        _ name: String, _ attributes: (any Span) -> Void, _ function: String, _ file: String, _ line: UInt, _ body: () throws(E) -> T
    ) throws(E) -> T {
        let (context, tally) = GenAITokenTally.contextCounting()
        return try span(
            name, context: context, attributes: attributes, onResult: { span, _ in tally.record(on: span) },
            onError: { span, _ in tally.record(on: span) }, function: function, file: file, line: line
        ) { _ throws(E) in try body() }
    }
}

/// The attributes of agent, workflow and tool spans.
public enum GenAIAgentAttributes {
    public static func agent(_ name: String, on span: any Span) {
        span.attributes[SemanticConventions.genAIOperationName] = "invoke_agent"
        span.attributes[SemanticConventions.genAIAgentName] = name
        span.attributes[SemanticConventions.genAIConversationID] = GenAIConversation.currentID
    }

    public static func workflow(_ name: String, on span: any Span) {
        span.attributes[SemanticConventions.genAIOperationName] = "invoke_workflow"
        span.attributes[SemanticConventions.genAIWorkflowName] = name
        span.attributes[SemanticConventions.genAIConversationID] = GenAIConversation.currentID
    }

    public static func tool(_ name: String, on span: any Span) {
        span.attributes[SemanticConventions.genAIOperationName] = "execute_tool"
        span.attributes[SemanticConventions.genAIToolName] = name
    }
}

/// Token usage (and estimated cost) summed over the model calls beneath an agent or workflow span (and, through `parent`, every enclosing
/// one), carried in the context those calls start from.
public final class GenAITokenTally: Sendable {
    let parent: GenAITokenTally?
    let counts = Mutex((input: 0, output: 0, cost: 0.0, calls: 0))

    init(parent: GenAITokenTally?) {
        self.parent = parent
    }

    /// The current context with a new tally under the current one (if any), for an agent span's parent context.
    @usableFromInline
    static func contextCounting() -> (InstrumentationContext, GenAITokenTally) {
        var context = ThreadSpanStack.top ?? InstrumentationContext.current ?? .topLevel
        let tally = GenAITokenTally(parent: context[GenAITokenTallyKey.self])
        context[GenAITokenTallyKey.self] = tally
        return (context, tally)
    }

    /// The tally model calls made now report to.
    static var current: GenAITokenTally? { InstrumentationContext.current?[GenAITokenTallyKey.self] }

    func add(input: Int?, output: Int?, cost: Double?) {
        counts.withLock { counts in
            counts.input += input ?? 0
            counts.output += output ?? 0
            counts.cost += cost ?? 0
            counts.calls += 1
        }
        parent?.add(input: input, output: output, cost: cost)
    }

    /// Records the sums on the agent's span (nothing when no model call reported usage).
    @usableFromInline
    func record(on span: any Span) {
        let counts = counts.withLock { $0 }
        guard counts.calls > 0 else { return }
        span.attributes[SemanticConventions.genAIUsageInputTokens] = counts.input
        span.attributes[SemanticConventions.genAIUsageOutputTokens] = counts.output
        if counts.cost > 0 { span.attributes[SemanticConventions.instswiftGenAICostUSD] = counts.cost }
    }
}

enum GenAITokenTallyKey: ServiceContextKey {
    typealias Value = GenAITokenTally
    static var nameOverride: String? { "instswift.gen_ai.tally" }
}

/// `gen_ai.conversation.id` from the W3C baggage the request came with (entry `gen_ai.conversation.id`).
enum GenAIConversation {
    static var currentID: String? {
        guard let baggage = InstrumentationContext.current?[InboundBaggageKey.self] else { return nil }
        for member in baggage.split(separator: ",") {
            let pair = member.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces() == SemanticConventions.genAIConversationID else { continue }
            let value = pair[1].trimmingSpaces()
            return value.removingPercentEncoding ?? value
        }
        return nil
    }
}

extension String {
    /// `%XX` sequences decoded (W3C baggage values are percent-encoded); nil when one is malformed.
    var removingPercentEncoding: String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

public import Tracing

/// Attributes that rules record. Recording `error.type` also marks the span failed: the semantic conventions define it
/// as the class of error the operation ended with (a 5xx status, say), so the span's status follows it.
extension InstSwift {
    /// Records an attribute value that tracing understands (strings, integers, doubles, booleans, arrays of those).
    @inlinable
    public static func record(_ key: String, _ value: some SpanAttributeConvertible, on span: any Span) {
        set(key, value.toSpanAttribute(), on: span)
        if key == SemanticConventions.errorType { span.setStatus(SpanStatus(code: .error)) }
    }

    /// Records an optional value; nothing when it is nil.
    @inlinable
    public static func record<V: SpanAttributeConvertible>(_ key: String, _ value: V?, on span: any Span) {
        if let value { record(key, value, on: span) }
    }

    /// Records an integer of any width.
    @_disfavoredOverload
    @inlinable
    public static func record(_ key: String, _ value: some BinaryInteger, on span: any Span) {
        set(key, .int64(Int64(clamping: value)), on: span)
    }

    /// One attribute, in place on the bootstrap's spans (``FrontSpan/setAttribute(_:_:)``).
    @inlinable
    static func set(_ key: String, _ value: SpanAttribute, on span: any Span) {
        if let front = span as? FrontSpan { front.setAttribute(key, value) } else { span.attributes[key] = value }
    }

    /// Records any other value by its description.
    @_disfavoredOverload
    @inlinable
    public static func record(_ key: String, _ value: Any, on span: any Span) {
        record(key, String(describing: value), on: span)
    }

    /// Marks the span failed, for a status that means failure rather than a thrown error.
    public static func markFailed(_ span: any Span, _ message: String? = nil) {
        span.setStatus(SpanStatus(code: .error, message: message))
    }

    /// Records the error an operation ended with: an exception event, `error.type` (unless a rule already named the
    /// error better, a SQLSTATE say) and an error status.
    public static func recordFailure(_ error: any Error, on span: any Span) {
        fail(span, error)
    }

    /// Renames a span (a rule's `rename:`); nothing when `name` is nil.
    @inlinable
    public static func rename(_ span: any Span, _ name: String?) {
        if let name { span.operationName = name }
    }
}

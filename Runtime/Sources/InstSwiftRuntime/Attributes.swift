public import Tracing

extension InstSwift {
    /// Records an attribute value that tracing understands (strings, integers, doubles, booleans, arrays of those).
    @inlinable
    public static func record(_ key: String, _ value: some SpanAttributeConvertible, on span: any Span) {
        span.attributes[key] = value
    }

    /// Records an optional value; nothing when it is nil.
    @inlinable
    public static func record<V: SpanAttributeConvertible>(_ key: String, _ value: V?, on span: any Span) {
        if let value { span.attributes[key] = value }
    }

    /// Records an integer of any width.
    @_disfavoredOverload
    @inlinable
    public static func record(_ key: String, _ value: some BinaryInteger, on span: any Span) {
        span.attributes[key] = Int64(clamping: value)
    }

    /// Records any other value by its description.
    @_disfavoredOverload
    @inlinable
    public static func record(_ key: String, _ value: Any, on span: any Span) {
        span.attributes[key] = String(describing: value)
    }
}

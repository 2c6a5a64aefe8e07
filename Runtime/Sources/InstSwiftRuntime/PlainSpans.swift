public import Tracing

extension InstSwift {
    /// The span instswift emits when a rule asks for nothing but the span (no kind, context, attributes or hooks):
    /// ``span(_:kind:context:attributes:onResult:onError:function:file:line:_:)-2k2w5`` with every option at its
    /// default. A name of its own and no optional closures keep the compiler from weighing the sync and async overloads
    /// and each call site from evaluating default arguments: compiling swift-algorithms' `Algorithms` with every
    /// function traced (-wmo -Onone) took 1.21x plain this way, 1.31x through `span`.
    @inlinable @inline(__always)
    public static func syncSpan<T, E: Error>(
        _ name: String, function: String = #function, file: String = #fileID, line: UInt = #line,
        _ body: (any Span) throws(E) -> T
    ) throws(E) -> T {
        guard shouldTrace else { return try body(untracedSpan) }
        return try tracedSpan(
            name, kind: .internal, context: nil, attributes: { _ in }, onResult: { _, _ in }, onError: { _, _ in },
            function: function, file: file, line: line, body
        )
    }

    /// The async form of ``syncSpan(_:function:file:line:_:)``.
    @inlinable
    public static func asyncSpan<T, E: Error>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, function: String = #function, file: String = #fileID,
        line: UInt = #line, _ body: (any Span) async throws(E) -> T
    ) async throws(E) -> T {
        try await span(name, isolation: isolation, function: function, file: file, line: line, body)
    }
}

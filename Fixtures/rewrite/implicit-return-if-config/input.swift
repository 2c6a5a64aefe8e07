// Reduced from swift-dependencies 1.17.1's `withDependencies`: a body whose value is a `#if` of one expression per
// clause. The span closure's first statement (`_ = isolation`) makes each clause need its `return`.
public func withValues<R>(
    isolation: isolated (any Actor)? = #isolation,
    operation: () async throws -> R
) async rethrows -> R {
    #if DEBUG
        try await operation()
    #else
        let value = try await operation()
        return value
    #endif
}

public func nested(isolation: isolated (any Actor)? = #isolation) async -> Int {
    #if DEBUG
        #if os(Linux)
            1
        #else
            2
        #endif
    #elseif canImport(Darwin)
        3
    #else
        fatalError("unsupported")
    #endif
}

public func never(isolation: isolated (any Actor)? = #isolation) async -> Int {
    fatalError("not yet")
}

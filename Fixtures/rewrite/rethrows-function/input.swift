func twice(_ body: () throws -> Void) rethrows {
    try body()
    try body()
}

// Reduced from Quick/Nimble 14.0.0: an `async rethrows` body gets the async `rethrowingSpan`.
func eventually<T>(_ poll: () async throws -> T?) async rethrows -> T? {
    for _ in 0..<3 {
        if let value = try await poll() { return value }
    }
    return nil
}

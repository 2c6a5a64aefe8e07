// A closure formed in a function with an `isolated` parameter runs on that actor only if it captures the parameter;
// the span closure must, or the body runs off the actor and another job can run on it between two of the body's steps
// (swift-server/swift-service-lifecycle 2.13.0's `withGracefulShutdownHandler(isolation:...)`: a `CancellationWaiter`
// was finished before it stored its continuation, and waited forever).
func withHandler<T>(
    isolation: isolated (any Actor)? = #isolation,
    operation: () async throws -> T,
    onEvent handler: @Sendable @escaping () -> Void
) async rethrows -> T {
    handler()
    return try await operation()
}

func currentIsolation(isolation: isolated (any Actor)? = #isolation) async -> (any Actor)? {
    #isolation
}

actor Counter {
    var value = 0
}

func increment(_ counter: isolated Counter, by amount: Int) {
    counter.value += amount
}

func incremented(_ counter: isolated Counter) async -> Int {
    counter.value += 1
    return counter.value
}

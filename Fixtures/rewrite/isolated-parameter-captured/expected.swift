// A closure formed in a function with an `isolated` parameter runs on that actor only if it captures the parameter;
// the span closure must, or the body runs off the actor and another job can run on it between two of the body's steps
// (swift-server/swift-service-lifecycle 2.13.0's `withGracefulShutdownHandler(isolation:...)`: a `CancellationWaiter`
// was finished before it stored its continuation, and waited forever).
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func withHandler<T>(
    isolation: isolated (any Actor)? = #isolation,
    operation: () async throws -> T,
    onEvent handler: @Sendable @escaping () -> Void
) async rethrows -> T {/*<instswift>*/ return try await InstSwift.rethrowingSpan("withHandler") { (instswiftSpan) async throws -> T in _ = isolation; /*</instswift>*/
    handler()
    return try await operation()
/*<instswift>*/}/*</instswift>*/}

func currentIsolation(isolation: isolated (any Actor)? = #isolation) async -> (any Actor)? {/*<instswift>*/ return await InstSwift.asyncSpan("currentIsolation") { (instswiftSpan) async throws(Never) -> (any Actor)? in _ = isolation; /*</instswift>*/
    /*<instswift>*/return /*</instswift>*/#isolation
/*<instswift>*/}/*</instswift>*/}

actor Counter {
    var value = 0
}

func increment(_ counter: isolated Counter, by amount: Int) {/*<instswift>*/ return InstSwift.syncSpan("increment") { (instswiftSpan) throws(Never) -> Void in _ = counter; /*</instswift>*/
    counter.value += amount
/*<instswift>*/}/*</instswift>*/}

func incremented(_ counter: isolated Counter) async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("incremented") { (instswiftSpan) async throws(Never) -> Int in _ = counter; /*</instswift>*/
    counter.value += 1
    return counter.value
/*<instswift>*/}/*</instswift>*/}

// A nonisolated(nonsending) function's stream span runs its body on the caller's actor too.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/nonisolated(nonsending) func tokens(of text: String) async -> AsyncStream<String> {/*<instswift>*/ return await InstSwift.nonsendingStreamSpan("tokens", observing: StreamObservation(elementCountAttribute: "tokens.count")) { (instswiftSpan) async throws(Never) -> AsyncStream<String> in /*</instswift>*/
    await Task.yield()
    return AsyncStream { continuation in
        for word in text.split(separator: " ") { continuation.yield(String(word)) }
        continuation.finish()
    }
/*<instswift>*/}/*</instswift>*/}

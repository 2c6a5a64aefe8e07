/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func tokens(of text: String) async -> AsyncStream<String> {/*<instswift>*/ return await InstSwift.streamSpan("tokens", observing: StreamObservation(elementCountAttribute: "tokens.count")) { (instswiftSpan) async throws(Never) -> AsyncStream<String> in /*</instswift>*/
    await Task.yield()
    return AsyncStream { continuation in
        for word in text.split(separator: " ") { continuation.yield(String(word)) }
        continuation.finish()
    }
/*<instswift>*/}/*</instswift>*/}

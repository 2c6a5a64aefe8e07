// A nonisolated(nonsending) function's stream span runs its body on the caller's actor too.
nonisolated(nonsending) func tokens(of text: String) async -> AsyncStream<String> {
    await Task.yield()
    return AsyncStream { continuation in
        for word in text.split(separator: " ") { continuation.yield(String(word)) }
        continuation.finish()
    }
}

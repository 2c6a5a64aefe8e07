struct Chunk: Sendable {
    var text: String
    var finishReason: String?
}

func stream(prompt: String, model: String) -> AsyncThrowingStream<Chunk, any Error> {
    AsyncThrowingStream { continuation in
        continuation.yield(Chunk(text: prompt, finishReason: nil))
        continuation.yield(Chunk(text: ".", finishReason: "stop"))
        continuation.finish()
    }
}

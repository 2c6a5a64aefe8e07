/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Chunk: Sendable {
    var text: String
    var finishReason: String?
}

func stream(prompt: String, model: String) -> AsyncThrowingStream<Chunk, any Error> {/*<instswift>*/ return InstSwift.streamSpan("chat stream", kind: .client, attributes: { instswiftSpan in InstSwift.record("gen_ai.request.model", model, on: instswiftSpan) }, observing: StreamObservation(onElement: { instswiftSpan, instswiftElement in InstSwift.record("gen_ai.response.finish_reasons", instswiftElement.finishReason, on: instswiftSpan) }, firstElementTimeAttribute: "gen_ai.server.time_to_first_token", elementCountAttribute: "gen_ai.usage.output_tokens")) { (instswiftSpan) throws(Never) -> AsyncThrowingStream<Chunk, any Error> in /*</instswift>*/
    AsyncThrowingStream { continuation in
        continuation.yield(Chunk(text: prompt, finishReason: nil))
        continuation.yield(Chunk(text: ".", finishReason: "stop"))
        continuation.finish()
    }
/*<instswift>*/}/*</instswift>*/}

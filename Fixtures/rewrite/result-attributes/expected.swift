/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Completion {
    var text: String
    var model: String
    var inputTokens: Int
    var outputTokens: Int
}

func complete(prompt: String, model: String) async throws -> Completion {/*<instswift>*/ return try await InstSwift.span("chat App", kind: .client, attributes: { instswiftSpan in InstSwift.record("gen_ai.request.model", model, on: instswiftSpan) }, onResult: { instswiftSpan, instswiftResult in InstSwift.record("gen_ai.usage.input_tokens", instswiftResult.inputTokens, on: instswiftSpan); InstSwift.record("gen_ai.usage.output_tokens", instswiftResult.outputTokens, on: instswiftSpan); InstSwift.record("gen_ai.response.model", instswiftResult.model, on: instswiftSpan) }) { (instswiftSpan) async throws -> Completion in /*</instswift>*/
    Completion(text: prompt, model: model, inputTokens: prompt.count, outputTokens: 3)
/*<instswift>*/}/*</instswift>*/}

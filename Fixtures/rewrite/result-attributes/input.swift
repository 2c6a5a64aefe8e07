struct Completion {
    var text: String
    var model: String
    var inputTokens: Int
    var outputTokens: Int
}

func complete(prompt: String, model: String) async throws -> Completion {
    Completion(text: prompt, model: model, inputTokens: prompt.count, outputTokens: 3)
}

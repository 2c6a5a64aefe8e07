@testable import InstSwiftRuntime
import Foundation
import Instrumentation
import Testing

/// How the GenAI observer reads model APIs: endpoints, request bodies, streamed and whole responses, prices.
@Suite struct GenAIParsingTests {
    // MARK: Endpoints

    @Test(arguments: [
        ("https://api.openai.com/v1/chat/completions", "chat", "openai", "api.openai.com", 443),
        ("https://api.deepseek.com/chat/completions", "chat", "deepseek", "api.deepseek.com", 443),
        ("https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions?x=1", "chat", "dashscope", "dashscope.aliyuncs.com", 443),
        ("http://localhost:11434/v1/chat/completions", "chat", "openai", "localhost", 11434),
        ("http://localhost:11434/api/chat", "chat", "ollama", "localhost", 11434),
        ("https://api.anthropic.com/v1/messages", "chat", "anthropic", "api.anthropic.com", 443),
        ("https://api.openai.com/v1/embeddings", "embeddings", "openai", "api.openai.com", 443),
        ("http://[::1]:8000/v1/completions", "text_completion", "openai", "::1", 8000),
        ("https://user:secret@my-gw.openai.azure.com/openai/deployments/x/chat/completions/", "chat", "azure.ai.openai", "my-gw.openai.azure.com", 443),
    ])
    func modelAPIsAreRecognised(_ url: String, _ operation: String, _ provider: String, _ host: String, _ port: Int) throws {
        let endpoint = try #require(GenAIEndpoint.recognise(method: "POST", url: url))
        #expect(endpoint.operation == operation)
        #expect(endpoint.provider == provider)
        #expect(endpoint.host == host)
        #expect(endpoint.port == port)
    }

    @Test(arguments: [
        ("POST", "https://example.com/fortune"), ("GET", "https://api.openai.com/v1/chat/completions"),
        ("POST", "not a url"), ("POST", "https:///v1/chat/completions"), ("POST", "https://api.openai.com/v1/models"),
    ])
    func otherRequestsAreNot(_ method: String, _ url: String) {
        #expect(GenAIEndpoint.recognise(method: method, url: url) == nil)
    }

    @Test func providersCanBeAddedForGateways() {
        let table = GenAIProviderTable(environment: "llm.internal=openai, claude.corp = anthropic,broken,=x")
        #expect(table.provider(host: "gw.llm.internal", path: "/v1/chat/completions") == "openai")
        #expect(table.provider(host: "claude.corp", path: "/v1/messages") == "anthropic")
        #expect(table.provider(host: "api.deepseek.com", path: "") == "deepseek")
        #expect(table.provider(host: "notllm.internal", path: "") == nil)
    }

    // MARK: Requests

    @Test func openAIRequestParametersAreRead() {
        let body =
            #"{"model":"gpt-4o","messages":[{"role":"user","content":"secret"}],"max_completion_tokens":100,"temperature":0.2,"top_p":0.9,"seed":7,"stop":"END","n":2,"stream":true,"stream_options":{"include_usage":true},"frequency_penalty":0.1,"presence_penalty":0.3}"#
        let request = summary(body, .openAI)
        #expect(request.model == "gpt-4o" && request.maxTokens == 100 && request.temperature == 0.2 && request.topP == 0.9)
        #expect(request.seed == 7 && request.stopSequences == ["END"] && request.choiceCount == 2)
        #expect(request.frequencyPenalty == 0.1 && request.presencePenalty == 0.3)
        #expect(request.stream && request.streamIncludesUsage)
    }

    @Test func ollamaStreamsUnlessToldNotTo() {
        let request = summary(#"{"model":"llama3","options":{"temperature":0.4,"num_predict":50,"top_k":20}}"#, .ollama)
        #expect(request.model == "llama3" && request.stream && request.maxTokens == 50 && request.topK == 20 && request.temperature == 0.4)
        #expect(!summary(#"{"model":"llama3","stream":false}"#, .ollama).stream)
    }

    @Test(arguments: ["", "not json", "[1,2]", #"{"model": 42}"#])
    func unreadableBodiesLeaveEverythingUnknown(_ body: String) {
        let request = summary(body, .openAI)
        #expect(request.model == nil && !request.stream)
    }

    // MARK: Responses

    @Test func serverSentEventsSplitAcrossBuffersAtAnyByte() {
        let stream =
            "data: {\"id\":\"a\",\"choices\":[{\"delta\":{}}]}\r\n\r\nevent: x\ndata: {\"choices\":[],\n"
            + "data: \"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}\n\ndata: [DONE]\n\n"
        let bytes = Array(stream.utf8)
        for cut in 1..<bytes.count {
            var splitter = ResponseChunkSplitter(framing: .serverSentEvents)
            var documents: [String] = []
            for part in [bytes[..<cut], bytes[cut...]] {
                Array(part).withUnsafeBytes { splitter.consume($0) { documents.append(String(decoding: $0, as: UTF8.self)) } }
            }
            splitter.finish { documents.append(String(decoding: $0, as: UTF8.self)) }
            #expect(documents == [#"{"id":"a","choices":[{"delta":{}}]}"#, "{\"choices\":[],\n\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}"])
        }
    }

    /// Events whole in one buffer are handed on where they lie; the rest is kept across buffers: every way of cutting
    /// a stream in three gives the documents of the whole stream in one buffer.
    @Test func serverSentEventsSplitInThreeAtAnyTwoBytes() {
        let stream =
            "data: {\"a\":1}\n\ndata:{\"b\":2}\r\n\r\n: comment\nevent: x\ndata: {\"c\":\ndata: 3}\n\n"
            + "data:\n\ndata: [DONE]\n\ndata: {\"d\":4}\n\ndata: {\"e\":5}"
        let bytes = Array(stream.utf8)
        let expected = [#"{"a":1}"#, #"{"b":2}"#, "{\"c\":\n3}", #"{"d":4}"#, #"{"e":5}"#]
        for first in 1..<bytes.count {
            for second in first..<bytes.count {
                var splitter = ResponseChunkSplitter(framing: .serverSentEvents)
                var documents: [String] = []
                for part in [bytes[..<first], bytes[first..<second], bytes[second...]] {
                    Array(part).withUnsafeBytes { splitter.consume($0) { documents.append(String(decoding: $0, as: UTF8.self)) } }
                }
                splitter.finish { documents.append(String(decoding: $0, as: UTF8.self)) }
                #expect(documents == expected, "cut at \(first), \(second)")
                if documents != expected { return }
            }
        }
    }

    @Test func anUnterminatedLastLineIsStillRead() {
        var splitter = ResponseChunkSplitter(framing: .jsonLines)
        var documents: [String] = []
        Array("{\"done\":false}\n{\"done\":true,\"eval_count\":9}".utf8).withUnsafeBytes {
            splitter.consume($0) { documents.append(String(decoding: $0, as: UTF8.self)) }
        }
        splitter.finish { documents.append(String(decoding: $0, as: UTF8.self)) }
        #expect(documents == [#"{"done":false}"#, #"{"done":true,"eval_count":9}"#])
    }

    @Test func openAIStreamUsageArrivesLast() throws {
        var response = GenAIResponseSummary()
        for chunk in [
            #"{"id":"c1","model":"gpt-4o-2024","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}"#,
            #"{"id":"c1","model":"gpt-4o-2024","choices":[{"index":0,"delta":{},"finish_reason":"length"}]}"#,
            #"{"id":"c1","choices":[],"usage":{"prompt_tokens":10,"completion_tokens":4,"prompt_tokens_details":{"cached_tokens":6},"completion_tokens_details":{"reasoning_tokens":2}}}"#,
        ] {
            response.merge(try decode(chunk))
        }
        #expect(response.id == "c1" && response.model == "gpt-4o-2024" && response.finishReasons == ["length"])
        #expect(response.inputTokens == 10 && response.outputTokens == 4 && response.cacheReadInputTokens == 6 && response.reasoningOutputTokens == 2)
    }

    @Test func anthropicStreamEvents() throws {
        var response = GenAIResponseSummary()
        let events = [
            #"{"type":"message_start","message":{"id":"m1","model":"claude-x","usage":{"input_tokens":12,"output_tokens":1,"cache_read_input_tokens":5,"cache_creation_input_tokens":3}}}"#,
            #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hi"}}"#,
            #"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":7}}"#,
        ]
        for event in events { response.merge(try decode(event)) }
        #expect(response.id == "m1" && response.model == "claude-x" && response.finishReasons == ["end_turn"])
        #expect(response.inputTokens == 12 && response.outputTokens == 7 && response.cacheReadInputTokens == 5 && response.cacheCreationInputTokens == 3)
        #expect(try decode(events[1]).carriesOutput && !(try decode(events[0]).carriesOutput))
    }

    /// Chunks of real streams' shapes, with whether each is output and nothing else. A chunk is only counted when the
    /// triage says so; every other is decoded.
    static let chunks: [(String, StreamChunkTriage.Verdict)] = [
        (#"{"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}"#, .outputOnly),
        (#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}"#, .outputOnly),
        (
            #"{"id":"c1","model":"m","choices": [ {"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"q\":"}}]},"finish_reason" : null}]}"#,
            .outputOnly
        ),
        (
            #"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"say \"usage\": 1, \"finish_reason\": \"stop\""},"finish_reason":null}]}"#,
            .outputOnly
        ),
        (#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"dir C:\\"},"finish_reason":null}]}"#, .outputOnly),
        (#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"\\\"usage\\\":"},"finish_reason":null}]}"#, .outputOnly),
        (#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#, .decode),
        (#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{},"finish_reason": "length"}]}"#, .decode),
        (#"{"id":"c1","model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}"#, .decode),
        (#"{"id":"c1","model":"m","choices":[ ],"prompt_filter_results":[]}"#, .decode),
        (#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":null}],"usage":null}"#, .decode),
        (#"{"type":"message_start","message":{"id":"m1","model":"claude-x","usage":{"input_tokens":12}}}"#, .decode),
        (#"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#, .decode),
        (#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hi"}}"#, .outputOnly),
        (#"{"type": "content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"a\""}}"#, .outputOnly),
        (#"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":7}}"#, .decode),
        (#"{"type":"message_stop"}"#, .decode),
        (#"{"type":"error","error":{"type":"overloaded_error","message":"busy"}}"#, .decode),
        (#"{"model":"llama3","created_at":"t","message":{"role":"assistant","content":"x"},"done":false}"#, .outputOnly),
        (#"{"model":"llama3","done":true,"done_reason":"stop","prompt_eval_count":26,"eval_count":290}"#, .decode),
        (#"{"unknown":"shape"}"#, .decode),
    ]

    @Test func streamChunksThatAreOnlyOutputAreTriagedWithoutDecoding() throws {
        for (chunk, verdict) in Self.chunks {
            #expect(StreamChunkTriage.triage(Array(chunk.utf8)) == verdict, "\(chunk)")
        }
    }

    /// What the triage skips would have changed nothing: the chunk carries output, and merging it into what the
    /// stream's first chunk told leaves the summary as it was.
    @Test func aChunkCountedWithoutDecodingWouldHaveChangedNothing() throws {
        for (chunk, _) in Self.chunks where StreamChunkTriage.triage(Array(chunk.utf8)) == .outputOnly {
            let fields = try decode(chunk)
            #expect(fields.carriesOutput, "\(chunk)")
            var summary = GenAIResponseSummary()
            summary.merge(fields)
            let first = summary
            summary.merge(fields)
            #expect(summary == first && summary.finishReasons.isEmpty && summary.inputTokens == nil && summary.outputTokens == nil)
            #expect(summary.errorType == nil, "\(chunk)")
        }
    }

    /// A chunk in the envelope of an output-only chunk is output-only too: never a chunk the triage would decode.
    @Test func theOutputEnvelopeOnlyMatchesChunksTheTriageCountsToo() {
        let openAI = { (text: String) in #"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":""# + text + #""},"finish_reason":null}]}"# }
        var candidates = Self.chunks.map(\.0)
        for text in ["hello world", "", #"a\\"#, #"say \"x\""#, #"x"},"finish_reason":"stop"}],"usage":{"a":"#, #"abc\"#, "ü 🙂"] {
            candidates.append(openAI(text))
        }
        var matched = 0
        for (learned, verdict) in Self.chunks where verdict == .outputOnly {
            var template = OutputChunkTemplate()
            Array(learned.utf8).withUnsafeBytes { template.learn($0) }
            for candidate in candidates {
                let bytes = Array(candidate.utf8)
                guard bytes.withUnsafeBytes({ template.matches($0) }) else { continue }
                matched += 1
                #expect(StreamChunkTriage.triage(bytes) == .outputOnly, "\(candidate) in the envelope of \(learned)")
            }
        }
        // The OpenAI envelope matches its plain texts; a quote, or an escaping backslash before the end, never.
        var template = OutputChunkTemplate()
        Array(openAI("hi").utf8).withUnsafeBytes { template.learn($0) }
        func matches(_ text: String) -> Bool { Array(openAI(text).utf8).withUnsafeBytes { template.matches($0) } }
        #expect(matches("hello world") && matches("") && matches(#"a\\"#) && matches("ü 🙂"))
        #expect(!matches(#"say \"x\""#) && !matches(#"x"},"finish_reason":"stop"}],"usage":{"a":"#) && !matches(#"abc\"#))
        #expect(matched > 10)
    }

    @Test func ollamaFinalLine() throws {
        var response = GenAIResponseSummary()
        response.merge(try decode(#"{"model":"llama3","message":{"role":"assistant","content":"x"},"done":false}"#))
        response.merge(try decode(#"{"model":"llama3","done":true,"done_reason":"stop","prompt_eval_count":26,"eval_count":290}"#))
        #expect(response.model == "llama3" && response.finishReasons == ["stop"] && response.inputTokens == 26 && response.outputTokens == 290)
    }

    @Test func errorBodiesGiveTheProvidersCode() throws {
        var openAI = GenAIResponseSummary()
        openAI.merge(try decode(#"{"error":{"message":"slow down","type":"requests","code":"rate_limit_exceeded"}}"#))
        #expect(openAI.errorType == "rate_limit_exceeded")
        var anthropic = GenAIResponseSummary()
        anthropic.merge(try decode(#"{"type":"error","error":{"type":"overloaded_error","message":"busy"}}"#))
        #expect(anthropic.errorType == "overloaded_error")
    }

    // MARK: Prices and context

    @Test func costUsesTheLongestPricedPrefixAndCachedInput() throws {
        let table = GenAIPriceTable(environment: "my-model=1/2/0.5, gpt-4o=3/4,bad=x/1")
        var usage = GenAIResponseSummary()
        usage.inputTokens = 1_000_000
        usage.outputTokens = 500_000
        usage.cacheReadInputTokens = 200_000
        let expected: Double = 0.8 + 0.1 + 1.0  // uncached input at 1, cached at 0.5, output at 2 (per million)
        let cost = try #require(table.cost(model: "my-model", usage))
        #expect(abs(cost - expected) < 1e-9)
        #expect(table.price(of: "gpt-4o-mini-2024-07-18") == GenAIPriceTable.builtIn["gpt-4o-mini"])
        #expect(table.price(of: "gpt-4o-2024-08-06")?.input == 3)
        #expect(table.cost(model: "unpriced-model", usage) == nil)
        #expect(table.price(of: "bad") == nil)
        #expect(table.cost(model: "gpt-4o", GenAIResponseSummary()) == nil)
    }

    @Test func theEnvironmentsPricesWinOverTheProjectsOverTheBuiltInOnes() {
        let table = GenAIPriceTable(project: "team-model=1/2, gpt-4o=5/6/1", environment: "gpt-4o=7/8")
        #expect(table.price(of: "team-model") == .init(input: 1, output: 2, cachedInput: 1))
        #expect(table.price(of: "gpt-4o") == .init(input: 7, output: 8, cachedInput: 7))
        #expect(GenAIPriceTable(project: "gpt-4o=5/6/1", environment: nil).price(of: "gpt-4o") == .init(input: 5, output: 6, cachedInput: 1))
        #expect(table.price(of: "gpt-4o-mini") == GenAIPriceTable.builtIn["gpt-4o-mini"])
    }

    @Test(arguments: [
        ("gen_ai.conversation.id=abc", "abc"), ("a=1, gen_ai.conversation.id = conv%2042;prop=x", "conv 42"),
        ("a=1", nil), ("gen_ai.conversation.id=%zz", "%zz"),
    ])
    func conversationIDComesFromBaggage(_ baggage: String, _ expected: String?) {
        var context = InstrumentationContext.topLevel
        context[InboundBaggageKey.self] = baggage
        InstrumentationContext.$current.withValue(context) {
            #expect(GenAIConversation.currentID == expected)
        }
    }

    // MARK: Content capture (opt-in)

    @Test func capturedContentIsRedactedAndCut() throws {
        let capture = GenAIContentCapture(maximumLength: 120, redactions: GenAIContentCapture.defaultRedactions + ["acme-[0-9]+"])
        #expect(capture.redact("key sk-ant-api03-abcdefghijklmnop, auth: Bearer eyJ.abc-def, id acme-42") == "key [REDACTED], auth: [REDACTED], id [REDACTED]")
        let body = #"{"system":"be brief","messages":[{"role":"user","content":[{"type":"text","text":"hi sk-abcdefghijklmnopqr"}]}]}"#
        let messages = Array(body.utf8).withUnsafeBytes { GenAIContentCapture.inputMessages($0) }
        #expect(messages.map(\.role) == ["system", "user"])
        let json = try #require(capture.attribute(messages))
        #expect(!json.contains("sk-abc") && json.contains("[REDACTED]"))
        let long = capture.attribute([.init(role: "user", parts: [.init(type: "text", content: String(repeating: "x", count: 500))])])
        #expect(long?.hasSuffix("…[truncated]") == true && long!.count <= 120 + 12)
    }

    @Test func contentIsOffUnlessAskedFor() {
        #expect(GenAIContentCapture.configured == nil)
    }

    // MARK: Helpers

    func summary(_ body: String, _ api: GenAIEndpoint.API) -> GenAIRequestSummary {
        Array(body.utf8).withUnsafeBytes { GenAIRequestSummary(body: $0, api: api) }
    }

    func decode(_ json: String) throws -> GenAIResponseFields {
        try Array(json.utf8).withUnsafeBytes { try GenAIResponseFields(json: $0) }
    }
}

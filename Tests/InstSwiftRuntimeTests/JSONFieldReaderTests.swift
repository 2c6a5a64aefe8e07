@testable import InstSwiftRuntime
import Foundation
import Testing

/// The reader the GenAI observer reads model bodies with, checked against Foundation's `JSONSerialization`.
@Suite struct JSONFieldReaderTests {
    @Test(arguments: [
        #""plain""#, #""quote \" and backslash \\ and slash \/""#, #""tab\tnew\nline\r\b\f""#, #""\u00e9t\u00E9""#,
        #""pair \ud83d\ude00 end""#, #""lone \ud83d end""#, #""ünïcödé 模型""#, #""""#,
    ])
    func stringsReadAsFoundationReadsThem(_ json: String) throws {
        let read = try Self.read(json) { try $0.string() }
        if json.contains(#"\ud83d end"#) {
            #expect(read == "lone \u{FFFD} end")  // Foundation rejects the document; the reader keeps the rest of the text.
        } else {
            #expect(read == (try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String))
        }
    }

    @Test func membersAreReadAndTheRestSteppedOver() throws {
        let json = #"""
            { "skip": {"deep": [1, {"x": "}]\"["}, [], {}], "n": null}, "id" : "a1",
              "numbers": [12, 12.0, -3, 1e3, 0.25, 9.5], "flags": [true, false, null], "tail": "z" }
            """#
        var id: String?, tail: String?, ints: [Int?] = [], doubles: [Double?] = [], flags: [Bool?] = []
        try Self.read(json) { reader in
            try reader.object { key, reader in
                if key == "id" {
                    id = try reader.string()
                } else if key == "tail" {
                    tail = try reader.string()
                } else if key == "numbers" {
                    try reader.array { reader in
                        var copy = reader
                        ints.append(try copy.int())
                        doubles.append(try reader.double())
                    }
                } else if key == "flags" {
                    try reader.array { flags.append(try $0.bool()) }
                }
            }
        }
        #expect(id == "a1" && tail == "z")
        #expect(ints == [12, 12, -3, 1000, nil, nil])
        #expect(doubles == [12, 12, -3, 1000, 0.25, 9.5])
        #expect(flags == [true, false, nil])
    }

    @Test func valuesOfAnotherTypeReadAsNil() throws {
        let json = #"{"a": "100", "b": [1], "c": {"x": 1}, "d": 7, "e": true}"#
        var values: [String: String] = [:]
        try Self.read(json) { reader in
            try reader.object { key, reader in
                let name = String(decoding: key.bytes, as: UTF8.self)
                switch name {
                case "a": values[name] = try reader.int().map(String.init) ?? "nil"
                case "b", "c": values[name] = try reader.string() ?? "nil"
                case "d": values[name] = try reader.stringOrNumber() ?? "nil"
                default: values[name] = try reader.bool().map(String.init) ?? "nil"
                }
            }
        }
        #expect(values == ["a": "nil", "b": "nil", "c": "nil", "d": "7", "e": "true"])
    }

    @Test(arguments: [
        "", "{", #"{"a":1"#, #"{"a" 1}"#, #"{"a":1,}"#, #"{"a":[1}"#, #"{"a":"unterminated}"#, "{} {}",
        #"{"a":tru}"#, "\"raw\ncontrol\"",
    ])
    func malformedDocumentsThrow(_ json: String) {
        #expect(throws: JSONFieldReader.Malformed.self) {
            try Self.read(json) { reader in try reader.object { _, _ in } }
        }
    }

    /// What the reader steps over only has to pair its brackets and end its strings; what it reads must be JSON.
    @Test func whatIsReadIsChecked() {
        #expect(throws: JSONFieldReader.Malformed.self) { try Self.read("[1 2]") { try $0.array { _ = try $0.int() } } }
        #expect(throws: JSONFieldReader.Malformed.self) { try Self.read(#""\q""#) { try $0.string() } }
    }

    @Test func deepNestingIsSteppedOverWithoutRecursion() throws {
        let depth = 200_000
        let json = #"{"deep":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + #","id":"x"}"#
        let id = try Self.read(json) { reader in
            var id: String?
            try reader.object { key, reader in if key == "id" { id = try reader.string() } }
            return id
        }
        #expect(id == "x")
    }

    /// The fields the GenAI observer reads come out as Foundation reads them, for bodies of the shapes providers send.
    @Test func responseFieldsMatchFoundation() throws {
        let body = #"""
            {"id":"chatcmpl-\u0041Bc","object":"chat.completion","model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"say \"hi\"","tool_calls":[]},"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
                      "prompt_tokens_details":{"cached_tokens":4,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":3}}}
            """#
        let fields = try Array(body.utf8).withUnsafeBytes { try GenAIResponseFields(json: $0) }
        let foundation = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let usage = try #require(foundation["usage"] as? [String: Any])
        #expect(fields.id == foundation["id"] as? String && fields.model == foundation["model"] as? String)
        #expect(fields.choices?.map(\.finish_reason) == ["tool_calls"])
        #expect(fields.usage?.prompt_tokens == usage["prompt_tokens"] as? Int)
        #expect(fields.usage?.completion_tokens == usage["completion_tokens"] as? Int)
        #expect(fields.usage?.cached_tokens == 4 && fields.usage?.reasoning_tokens == 3)
    }

    @discardableResult
    static func read<T>(_ json: String, _ body: (inout JSONFieldReader) throws -> T) throws -> T {
        try Array(json.utf8).withUnsafeBytes { try JSONFieldReader.read($0, body) }
    }
}

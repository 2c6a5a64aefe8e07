import Foundation

/// The JSON Schema of the rules format, built from the same key lists the loader accepts, so the two cannot drift.
/// `Rules/instswift-rules.schema.json` is this output; a test keeps it so.
public enum RulesSchema {
    public static var json: String {
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func object(_ properties: [String: Any], required: [String] = [], description: String? = nil) -> [String: Any] {
        var result: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        if !required.isEmpty { result["required"] = required }
        if let description { result["description"] = description }
        return result
    }

    static var string: [String: Any] { ["type": "string"] }
    static var stringOrList: [String: Any] { ["oneOf": [string, ["type": "array", "items": string]]] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static var attributeMap: [String: Any] {
        [
            "type": "object", "additionalProperties": string,
            "description": "Attribute key to a Swift expression; parameters are in scope by name.",
        ]
    }
    static func choice(_ words: [String]) -> [String: Any] { ["type": "string", "enum": words] }

    static var document: [String: Any] {
        let function = object(
            Dictionary(
                uniqueKeysWithValues: FunctionPattern.keys.map { key -> (String, Any) in
                    switch key {
                    case "kinds":
                        (
                            key,
                            [
                                "oneOf": [
                                    choice(DeclarationSite.Kind.allCases.map(\.rawValue)),
                                    ["type": "array", "items": choice(DeclarationSite.Kind.allCases.map(\.rawValue))],
                                ]
                            ]
                        )
                    case "labels": (key, ["type": "array", "items": string])
                    case "async", "throws": (key, boolean)
                    case "attributes", "modifiers": (key, stringOrList)
                    case "access": (key, ["oneOf": [choice(FunctionPattern.accessLevels), ["type": "array", "items": choice(FunctionPattern.accessLevels)]]])
                    default: (key, string)
                    }
                }), description: JoinPointKind.function.summary)
        let call = object(
            Dictionary(
                uniqueKeysWithValues: CallPattern.keys.map { key -> (String, Any) in
                    key == "labels" ? (key, ["type": "array", "items": string]) : (key, string)
                }), required: ["callee"], description: JoinPointKind.call.summary)
        let joinPointRef: [String: Any] = ["$ref": "#/$defs/joinPoint"]
        let joinPoint: [String: Any] = [
            "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": false,
            "properties": Dictionary(
                uniqueKeysWithValues: JoinPointKind.allCases.map { kind -> (String, Any) in
                    let schema: [String: Any] =
                        switch kind {
                        case .function: function
                        case .call: call
                        case .directive: ["type": "string", "description": kind.summary]
                        case .entryPoint: ["oneOf": [object([:]), ["type": "null"]], "description": kind.summary]
                        case .not: ["$ref": "#/$defs/joinPoint", "description": kind.summary]
                        case .allOf, .oneOf: ["type": "array", "minItems": 1, "items": joinPointRef, "description": kind.summary]
                        }
                    return (kind.rawValue, schema)
                }),
        ]
        let span = object(
            Dictionary(
                uniqueKeysWithValues: SpanAdvice.keys.map { key -> (String, Any) in
                    switch key {
                    case "kind": (key, choice(SpanAdvice.Kind.allCases.map(\.rawValue)))
                    case "ends": (key, choice(SpanAdvice.Ending.allCases.map(\.rawValue)))
                    case "attributes", "result-attributes", "error-attributes", "element-attributes": (key, attributeMap)
                    default: (key, string)
                    }
                }), description: AdviceKind.span.summary)
        let inject: [String: Any] = ["oneOf": [string, object(["into": string], required: ["into"])], "description": AdviceKind.injectContext.summary]
        let insert = object(Dictionary(uniqueKeysWithValues: TemplateAdvice.keys.map { ($0, string as Any) }), description: AdviceKind.insert.summary)
        let advice: [String: Any] = [
            "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": false,
            "properties": Dictionary(
                uniqueKeysWithValues: AdviceKind.allCases.map { kind -> (String, Any) in
                    let schema: [String: Any] =
                        switch kind {
                        case .span: ["oneOf": [span, ["type": "null"]], "description": kind.summary]
                        case .injectContext: inject
                        case .insert: insert
                        case .addImport, .wrap, .declare, .wrapReceiver: ["type": "string", "description": kind.summary]
                        }
                    return (kind.rawValue, schema)
                }),
        ]
        let package = object(Dictionary(uniqueKeysWithValues: PackageConstraint.keys.map { ($0, string as Any) }), required: ["name"])
        let rule = object(
            Dictionary(
                uniqueKeysWithValues: Rule.keys.map { key -> (String, Any) in
                    switch key {
                    case "where": (key, joinPointRef)
                    case "advice": (key, ["type": "array", "minItems": 1, "items": advice])
                    case "modules", "files": (key, stringOrList)
                    case "package": (key, package)
                    case "id": (key, ["type": "string", "pattern": "^[A-Za-z0-9._-]+$"])
                    case "language": (key, ["enum": Rule.Language.allCases.map(\.rawValue)])
                    default: (key, string)
                    }
                }), required: ["id", "where", "advice"])
        var document = object(
            Dictionary(
                uniqueKeysWithValues: RuleFileLoader.fileKeys.map { key -> (String, Any) in
                    switch key {
                    case "version": (key, ["const": 1])
                    case "package": (key, package)
                    default: (key, ["type": "array", "items": rule])
                    }
                }), required: ["rules"], description: "instswift rules: join points (where) and advice (what).")
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["$id"] = "https://github.com/instswift/instswift/Rules/instswift-rules.schema.json"
        document["$defs"] = ["joinPoint": joinPoint]
        return document
    }
}

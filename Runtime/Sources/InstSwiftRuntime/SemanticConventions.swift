/// Attribute names instswift records, in one table. Stable names follow the OpenTelemetry semantic conventions;
/// GenAI and MCP names follow the GenAI conventions, which moved out of the core set (see README).
public enum SemanticConventions {
    public static let errorType = "error.type"

    // HTTP
    public static let httpRequestMethod = "http.request.method"
    public static let httpResponseStatusCode = "http.response.status_code"
    public static let urlPath = "url.path"
    public static let urlFull = "url.full"
    public static let urlScheme = "url.scheme"
    public static let serverAddress = "server.address"
    public static let serverPort = "server.port"
    public static let httpRoute = "http.route"

    // Databases
    public static let dbSystemName = "db.system.name"
    public static let dbQueryText = "db.query.text"
    public static let dbOperationName = "db.operation.name"
    public static let dbNamespace = "db.namespace"

    // GenAI (https://opentelemetry.io/docs/specs/semconv/gen-ai/)
    public static let genAIOperationName = "gen_ai.operation.name"
    public static let genAIProviderName = "gen_ai.provider.name"
    public static let genAIRequestModel = "gen_ai.request.model"
    public static let genAIResponseModel = "gen_ai.response.model"
    public static let genAIUsageInputTokens = "gen_ai.usage.input_tokens"
    public static let genAIUsageOutputTokens = "gen_ai.usage.output_tokens"
    public static let genAIServerTimeToFirstToken = "gen_ai.server.time_to_first_token"
    public static let genAIServerTimePerOutputToken = "gen_ai.server.time_per_output_token"
    public static let genAIToolName = "gen_ai.tool.name"

    // MCP
    public static let mcpMethodName = "mcp.method.name"
    public static let mcpToolName = "gen_ai.tool.name"
    public static let mcpSessionID = "mcp.session.id"
}

// swift-tools-version:6.1
import PackageDescription

/// The bundled example: a Hummingbird 2 service that calls a function of its own, makes an outbound
/// AsyncHTTPClient request and runs a SQLite query — instrumented by the rules in `instswift.yml` with no tracing
/// code of its own; an MCP client and server (stdio, or Streamable HTTP served by Hummingbird) instrumented by the built-in MCP pack; a PostgresNIO client
/// instrumented by the built-in PostgresNIO pack; a GRDB program instrumented by the built-in GRDB pack; a Vapor 4 service instrumented by the built-in Vapor pack; Fluent over SQLite and PostgreSQL instrumented by the built-in Fluent and driver packs. `ShortCLI` is a program
/// that exits right after its work (all its spans must still arrive).
let package = Package(
    name: "example-service",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.0.0"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.0.0"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.0.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.1.0"),
        .package(name: "Runtime", path: "../../../Runtime"),
    ],
    targets: [
        .executableTarget(
            name: "ExampleService",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        // MCP over stdio, both sides instrumented by the built-in MCP pack (and interoperating with the Python SDK).
        .executableTarget(
            name: "MCPToolServer",
            dependencies: [
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        .executableTarget(
            name: "MCPToolClient",
            dependencies: [
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        // A Vapor service, server spans from the built-in Vapor pack; its outbound call uses URLSession.
        .executableTarget(
            name: "VaporService",
            dependencies: [
                .product(name: "Vapor", package: "vapor"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        // An app that already traces by hand (swift-otel bootstrap, TracingMiddleware, its own span).
        .executableTarget(
            name: "SelfTracedService",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        // Fluent over SQLite and a real PostgreSQL, one span per statement from the built-in Fluent and driver packs.
        .executableTarget(
            name: "FluentCLI",
            dependencies: [
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        // PostgresNIO queries against a real PostgreSQL, spans from the built-in PostgresNIO pack.
        .executableTarget(
            name: "PostgresCLI",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        // GRDB against a database file, spans from the built-in GRDB pack.
        .executableTarget(
            name: "GRDBCLI",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        // gRPC: a client and a server of echo.proto, spans from the built-in gRPC pack. The messages and stubs
        // (echo.pb.swift, echo.grpc.swift) were generated once by grpc-swift-protobuf's `GRPCProtobufGenerator` build
        // plugin with the config beside them, and are committed: building the plugin's generators costs every clean
        // build minutes. To regenerate, add `plugins: [.plugin(name: "GRPCProtobufGenerator", package:
        // "grpc-swift-protobuf")]` here (protoc on PATH), build, and copy the two files from
        // .build/plugins/outputs/example-service/EchoProto/destination/GRPCProtobufGenerator/.
        .target(
            name: "EchoProto",
            dependencies: [
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
            ],
            exclude: ["echo.proto", "grpc-swift-proto-generator-config.json"]
        ),
        .executableTarget(
            name: "GRPCEchoServer",
            dependencies: [
                "EchoProto",
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        .executableTarget(
            name: "GRPCEchoClient",
            dependencies: [
                "EchoProto",
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        .executableTarget(
            name: "ShortCLI",
            dependencies: [
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

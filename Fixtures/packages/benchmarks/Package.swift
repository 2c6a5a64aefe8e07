// swift-tools-version:6.1
import PackageDescription

/// Programs the benchmarks build plain and with instswift (scripts/bench_support.py), one package so that the two
/// builds of their shared dependencies (swift-nio, the runtime) are made once: the per-query cost of the PostgresNIO
/// pack (scripts/bench-postgres.sh), a Hummingbird service under load (scripts/bench-http.sh) and streamed model calls
/// through AsyncHTTPClient under the GenAI pack (scripts/bench-genai.sh).
let package = Package(
    name: "benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(name: "Runtime", path: "../../../Runtime"),
    ],
    targets: [
        .executableTarget(
            name: "PostgresQueryBench",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        .executableTarget(
            name: "HTTPServerBench",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        .executableTarget(
            name: "GenAIStreamBench",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
    ]
)

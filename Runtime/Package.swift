// swift-tools-version:6.1
import PackageDescription

/// The runtime that instrumented code calls. It never depends on swift-syntax or libclang.
///
/// - `InstSwiftRuntime`: the small API that injected code calls (spans, attributes, W3C propagation). Depends only
///   on swift-distributed-tracing, so even a dependency's module can be instrumented cheaply.
/// - `InstSwiftOTel`: the zero-code bootstrap that exports through swift-otel.
let package = Package(
    name: "instswift-runtime",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "InstSwiftRuntime", targets: ["InstSwiftRuntime"]),
        .library(name: "InstSwiftOTel", targets: ["InstSwiftOTel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(
            url: "https://github.com/swift-otel/swift-otel",
            from: "1.6.0",
            traits: ["OTLPHTTP"]
        ),
    ],
    targets: [
        .target(name: "CInstSwiftRuntime"),
        .target(
            name: "InstSwiftRuntime",
            dependencies: [
                "CInstSwiftRuntime",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Instrumentation", package: "swift-distributed-tracing"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "InstSwiftOTel",
            dependencies: [
                "CInstSwiftRuntime",
                "InstSwiftRuntime",
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "instswift-span-benchmark",
            dependencies: ["InstSwiftRuntime", .product(name: "Tracing", package: "swift-distributed-tracing")],
            path: "Benchmarks/SpanBenchmark"
        ),
        .target(name: "AllocationCounter", path: "Benchmarks/AllocationCounter"),
        .executableTarget(
            name: "instswift-export-benchmark",
            dependencies: [
                "AllocationCounter", "InstSwiftRuntime", "InstSwiftOTel", .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            path: "Benchmarks/ExportBenchmark"
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.1
import PackageDescription

/// The build wrapper's fixture: executables, a library with tests, C targets, a build-tool plugin and a path
/// dependency, all built with `instswift swift build|test|run`. The apps install a tracer of their own that prints
/// spans (`SpanPrinting`), so the bootstrap pack must leave them alone — and nothing here needs the exporter, so the
/// package builds in a minute.
///
/// `CBridgeApp` is Swift -> C -> Swift: it calls an instrumented C function that calls back into instrumented Swift, so
/// its spans must show the C span between the two Swift spans. The C target links the runtime that implements its C API.
let package = Package(
    name: "wrapper-app",
    dependencies: [
        .package(path: "../wrapper-dep"),
        .package(name: "Runtime", path: "../../../Runtime"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
    ],
    targets: [
        .executableTarget(
            name: "WrapperApp",
            dependencies: [
                "WrapperLib",
                "SpanPrinting",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
            ]
        ),
        .target(
            name: "WrapperLib",
            dependencies: [
                "CWrap",
                .product(name: "WrapperDep", package: "wrapper-dep"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
            ]
        ),
        .target(name: "CWrap"),
        .target(
            name: "SpanPrinting",
            dependencies: [
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
            ],
            plugins: ["VersionFile"]
        ),
        // A build-tool plugin whose tool links Tracing, as the targets do: one build compiles it for both.
        .plugin(name: "VersionFile", capability: .buildTool(), dependencies: ["version-file-tool"]),
        .executableTarget(
            name: "version-file-tool",
            dependencies: [.product(name: "Tracing", package: "swift-distributed-tracing")],
            path: "Sources/VersionFileTool"
        ),
        .target(
            name: "CBridge",
            dependencies: [.product(name: "InstSwiftRuntime", package: "Runtime")]
        ),
        .executableTarget(
            name: "CBridgeApp",
            dependencies: [
                "CBridge",
                "SpanPrinting",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InstSwiftRuntime", package: "Runtime"),
            ]
        ),
        .testTarget(name: "WrapperLibTests", dependencies: ["WrapperLib"]),
        // Its test bootstraps tracing itself: instswift leaves test processes alone.
        .testTarget(
            name: "SelfTracedTests",
            dependencies: ["WrapperLib", "SpanPrinting", .product(name: "Tracing", package: "swift-distributed-tracing")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

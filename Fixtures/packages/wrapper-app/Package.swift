// swift-tools-version:6.1
import PackageDescription

/// The build wrapper's fixture: an executable, a library with tests, a C target and a path dependency, all built
/// with `instswift swift build|test|run`. The app installs a tracer of its own that prints spans, so the bootstrap
/// pack must leave it alone.
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
        .testTarget(name: "WrapperLibTests", dependencies: ["WrapperLib"]),
    ],
    swiftLanguageModes: [.v6]
)

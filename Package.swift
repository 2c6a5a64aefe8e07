// swift-tools-version:6.1
import PackageDescription

/// The instswift tool: the rule engine, the Swift frontend and the CLI.
///
/// The runtime that instrumented apps link lives in its own package (`Runtime/`), so an app that depends on it
/// never resolves swift-syntax, Yams or libclang. See docs/adr/0001-runtime-is-its-own-package.md.
/// Where Debian's libclang-dev puts `clang-c/Index.h` (`apt-get install libclang-dev`).
let libclangHeaders: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/usr/lib/llvm-14/include"])]

let package = Package(
    name: "instswift",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "instswift", targets: ["instswift"]),
        .library(name: "InstSwiftCore", targets: ["InstSwiftCore"]),
        .library(name: "InstSwiftSwift", targets: ["InstSwiftSwift"]),
        .library(name: "InstSwiftBuild", targets: ["InstSwiftBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Only the tests use the runtime: every rewrite fixture's expected output is type-checked against it.
        .package(path: "Runtime"),
    ],
    targets: [
        .target(
            name: "InstSwiftCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "InstSwiftSwift",
            dependencies: [
                "InstSwiftCore",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
            ]
        ),
        // libclang from Debian's libclang-dev (headers outside the default search path; never committed here), loaded
        // with dlopen on first use so that processes which parse no C never pay for loading LLVM.
        .target(
            name: "CClang",
            cSettings: [.unsafeFlags(["-I/usr/lib/llvm-14/include"])],
            linkerSettings: [.linkedLibrary("dl")]
        ),
        .target(
            name: "InstSwiftC",
            dependencies: ["InstSwiftCore", "CClang"],
            swiftSettings: libclangHeaders
        ),
        .target(
            name: "InstSwiftBuild",
            dependencies: [
                "InstSwiftCore",
                "InstSwiftSwift",
                "InstSwiftC",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
            ],
            swiftSettings: libclangHeaders
        ),
        .executableTarget(
            name: "instswift",
            dependencies: [
                "InstSwiftCore",
                "InstSwiftSwift",
                "InstSwiftBuild",
                "InstSwiftC",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: libclangHeaders
        ),
        .executableTarget(
            name: "instswift-benchmarks",
            dependencies: [
                "InstSwiftCore",
                "InstSwiftSwift",
                "InstSwiftC",
                .product(name: "SwiftParser", package: "swift-syntax"),
            ],
            path: "Benchmarks/RewriteBenchmark",
            swiftSettings: libclangHeaders
        ),
        // What the test targets share: the repository's location, fixture folders, recording, running commands.
        .target(
            name: "InstSwiftTestSupport",
            path: "Tests/InstSwiftTestSupport"
        ),
        .testTarget(
            name: "InstSwiftCoreTests",
            dependencies: ["InstSwiftCore"]
        ),
        .testTarget(
            name: "InstSwiftSwiftTests",
            dependencies: [
                "InstSwiftCore",
                "InstSwiftSwift",
                "InstSwiftBuild",
                "InstSwiftTestSupport",
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ],
            swiftSettings: libclangHeaders
        ),
        // The runtime's own logic (environment checks, propagation limits), through @testable imports.
        .testTarget(
            name: "InstSwiftRuntimeTests",
            dependencies: [
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
        .testTarget(
            name: "InstSwiftCTests",
            dependencies: ["InstSwiftCore", "InstSwiftC", "InstSwiftBuild", "InstSwiftTestSupport"],
            swiftSettings: libclangHeaders
        ),
    ],
    swiftLanguageModes: [.v6]
)

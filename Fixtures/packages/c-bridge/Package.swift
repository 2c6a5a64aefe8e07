// swift-tools-version:6.1
import PackageDescription

/// Swift -> C -> Swift: the app calls an instrumented C function that calls back into instrumented Swift, so one trace
/// must show the C span between the two Swift spans. The C target links the runtime that implements its C API.
let package = Package(
    name: "c-bridge",
    dependencies: [
        .package(name: "Runtime", path: "../../../Runtime"),
    ],
    targets: [
        .target(
            name: "CBridge",
            dependencies: [.product(name: "InstSwiftRuntime", package: "Runtime")]
        ),
        .executableTarget(
            name: "CBridgeApp",
            dependencies: [
                "CBridge",
                .product(name: "InstSwiftRuntime", package: "Runtime"),
                .product(name: "InstSwiftOTel", package: "Runtime"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

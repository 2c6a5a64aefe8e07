// swift-tools-version:6.1
import PackageDescription

/// A path dependency whose module the wrapper-app's rules instrument.
let package = Package(
    name: "wrapper-dep",
    products: [.library(name: "WrapperDep", targets: ["WrapperDep"])],
    dependencies: [.package(name: "Runtime", path: "../../../Runtime")],
    targets: [
        .target(name: "WrapperDep", dependencies: [.product(name: "InstSwiftRuntime", package: "Runtime")]),
    ],
    swiftLanguageModes: [.v6]
)

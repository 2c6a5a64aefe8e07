// swift-tools-version:6.1
import PackageDescription

/// A package that does not link the runtime yet: `instswift pin` must add it.
let package = Package(
    name: "pin-me",
    targets: [
        .executableTarget(name: "PinMe"),
    ]
)

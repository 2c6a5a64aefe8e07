// swift-tools-version:6.1
import PackageDescription

/// The per-query cost of the PostgresNIO pack (scripts/bench-postgres.sh builds this plain and with instswift).
let package = Package(
    name: "bench-postgres",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
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
    ]
)

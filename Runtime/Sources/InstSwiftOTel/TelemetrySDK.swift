/// The resource attributes that name the SDK which produced the telemetry (OpenTelemetry resource semantic conventions,
/// `telemetry.sdk.*`): collectors and backends group and filter by them.
enum TelemetrySDK {
    static let name = "instswift"
    static let language = "swift"
    /// The runtime package's version (`ManifestRuntimeDependency` pins it; bumped with every change to Runtime/).
    static let version = "0.1.0"

    static let resourceAttributes = [
        "telemetry.sdk.name": name, "telemetry.sdk.language": language, "telemetry.sdk.version": version,
    ]
}

extension InstSwift {
    /// The version of the API instrumented code calls (instswift's `RuntimeAPI.version`). instswift reads it when it
    /// compiles this module and stops the build with one error when it renders for another version. Bump both together.
    public static let apiVersion = 5
}

/// The instswift runtime's API as injected code and link-time entry points call it, versioned: the runtime declares the
/// version it offers (`InstSwift.apiVersion` in `RuntimeAPIVersion.swift`) and the build checks it when it compiles the
/// runtime, so a runtime made for another instswift stops the build with one error instead of compile or link errors in
/// injected code.
///
/// Bump ``version`` (and the runtime's constant, which a test keeps equal) with any change to a name, signature or
/// behaviour that rendered code or a link-time symbol relies on.
public enum RuntimeAPI {
    /// The API version this instswift renders for.
    public static let version = 5
    /// The runtime module that declares its version.
    public static let module = "InstSwiftRuntime"
    /// The file of that module that declares it.
    public static let declarationFile = "RuntimeAPIVersion.swift"

    /// The version a `RuntimeAPIVersion.swift` declares (`static let apiVersion = N`) and the position of `N`, or nil
    /// when the text declares none.
    public static func declaredVersion(in text: String) -> (version: Int, line: Int, column: Int)? {
        guard let marker = text.range(of: "static let apiVersion = "),
            let version = Int(text[marker.upperBound...].prefix { $0.isASCII && $0.isNumber })
        else { return nil }
        let position = LineTable(Array(text.utf8)).position(of: text.utf8.distance(from: text.startIndex, to: marker.upperBound))
        return (version, position.line, position.column)
    }
}

internal import CClang

/// libclang, which C rules need; loaded on first use.
public enum LibClang {
    /// Nil when libclang is loaded, or why it could not be (with the command that fixes it).
    public static var loadError: String? {
        instswift_libclang_load().map { String(cString: $0) }
    }
}

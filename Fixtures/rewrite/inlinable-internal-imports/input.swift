// Reduced from swift-extras/swift-extras-base64 1.2.0, whose module enables InternalImportsByDefault: the imports an
// inlinable body's span needs are public.
public enum Base32 {
    @inlinable
    public static func encodedLength(bytes: Int) -> Int {
        (bytes + 4) / 5 * 8
    }
}

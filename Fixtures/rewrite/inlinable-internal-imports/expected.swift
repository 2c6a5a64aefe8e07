// Reduced from swift-extras/swift-extras-base64 1.2.0, whose module enables InternalImportsByDefault: the imports an
// inlinable body's span needs are public.
/*<instswift>*/public import InstSwiftRuntime; public import Tracing; /*</instswift>*/public enum Base32 {
    @inlinable
    public static func encodedLength(bytes: Int) -> Int {/*<instswift>*/ return InstSwift.syncSpan("Base32.encodedLength") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
        (bytes + 4) / 5 * 8
    /*<instswift>*/}/*</instswift>*/}
}

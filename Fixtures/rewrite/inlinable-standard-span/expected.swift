// Reduced from swift-extras/swift-extras-base64 1.2.0: an inlinable body's span needs `import Tracing`, which would
// make this file's `Span` Tracing's protocol; such bodies are left alone, the others are instrumented.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/public enum Base32 {
    @inlinable
    public static func count(bytes: Span<UInt8>) -> Int {
        bytes.count
    }

    public static func sum(bytes: Span<UInt8>) -> Int {/*<instswift>*/ return InstSwift.syncSpan("Base32.sum") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
        var total = 0
        for index in bytes.indices { total += Int(bytes[index]) }
        return total
    /*<instswift>*/}/*</instswift>*/}
}

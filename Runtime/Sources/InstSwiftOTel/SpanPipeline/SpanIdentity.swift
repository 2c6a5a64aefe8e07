import CInstSwiftRuntime
import Instrumentation

/// A span's place in its trace as the pipeline keeps it in a context: W3C trace context, as ids rather than text.
struct SpanIdentity: Sendable, Equatable {
    /// 128-bit trace id, high and low halves (big-endian on the wire).
    var traceHigh: UInt64
    var traceLow: UInt64
    var spanID: UInt64
    /// W3C trace flags; bit 0 is "sampled".
    var flags: UInt8
    /// The W3C `tracestate` received or inherited, as written.
    var traceState: String?
    /// Whether this context came from another process (extracted, not started here).
    var isRemote: Bool

    var isSampled: Bool { flags & 0x01 != 0 }

    /// A fresh trace id from this thread's generator: never all zero.
    static func newTraceID() -> (high: UInt64, low: UInt64) {
        var high = instswift_random_u64()
        let low = instswift_random_u64()
        if high == 0 && low == 0 { high = 1 }
        return (high, low)
    }

    /// A fresh span id from this thread's generator: never zero.
    static func newSpanID() -> UInt64 {
        let id = instswift_random_u64()
        return id == 0 ? 1 : id
    }

    /// The W3C `traceparent` value: `00-<32 hex>-<16 hex>-<2 hex>`.
    var traceparent: String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(55)
        bytes.append(contentsOf: "00-".utf8)
        Hex.append(traceHigh, to: &bytes)
        Hex.append(traceLow, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Hex.append(spanID, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Hex.append(flags, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The trace id in lowercase hex (32 digits).
    var traceIDHex: String {
        var bytes = [UInt8]()
        Hex.append(traceHigh, to: &bytes)
        Hex.append(traceLow, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses a W3C `traceparent`; nil when it is malformed in any way (then the receiver starts a fresh trace).
    /// Version `00` must be exactly 55 characters; a later version may append fields after a `-` (the specification's
    /// forward compatibility); `ff` is invalid, as are all-zero ids.
    init?(traceparent: String, traceState: String?) {
        var text = traceparent
        let parsed: SpanIdentity? = text.withUTF8 { bytes -> SpanIdentity? in
            guard bytes.count >= 55, bytes[2] == UInt8(ascii: "-"), bytes[35] == UInt8(ascii: "-"), bytes[52] == UInt8(ascii: "-")
            else { return nil }
            guard let version = Hex.parse(bytes, 0, 2), version != 0xff else { return nil }
            if version == 0 ? bytes.count != 55 : (bytes.count > 55 && bytes[55] != UInt8(ascii: "-")) { return nil }
            guard let high = Hex.parse(bytes, 3, 16), let low = Hex.parse(bytes, 19, 16), high | low != 0,
                let span = Hex.parse(bytes, 36, 16), span != 0, let flags = Hex.parse(bytes, 53, 2)
            else { return nil }
            return SpanIdentity(
                traceHigh: high, traceLow: low, spanID: span, flags: UInt8(flags), traceState: traceState, isRemote: true)
        }
        guard let parsed else { return nil }
        self = parsed
    }

    init(traceHigh: UInt64, traceLow: UInt64, spanID: UInt64, flags: UInt8, traceState: String?, isRemote: Bool) {
        self.traceHigh = traceHigh
        self.traceLow = traceLow
        self.spanID = spanID
        self.flags = flags
        self.traceState = traceState
        self.isRemote = isRemote
    }
}

/// Where the pipeline keeps a span's identity in a context.
enum SpanIdentityKey: ServiceContextKey {
    typealias Value = SpanIdentity
    static var nameOverride: String? { "instswift.span" }
}

/// Lowercase hex, written and read without Foundation.
enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    static func append<Value: FixedWidthInteger & UnsignedInteger>(_ value: Value, to bytes: inout [UInt8]) {
        var shift = Value.bitWidth - 4
        while shift >= 0 {
            bytes.append(digits[Int(truncatingIfNeeded: (value >> shift) & 0xf)])
            shift -= 4
        }
    }

    /// `count` lowercase hex digits at `offset` (at most 16), or nil when any is not one.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int) -> UInt64? {
        var value: UInt64 = 0
        for index in offset..<(offset + count) {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Synchronization

extension InstSwift {
    /// Whether inbound W3C `baggage` is read and forwarded, as `OTEL_PROPAGATORS` says: unset, it is the OpenTelemetry
    /// default `tracecontext,baggage`; `none`, or a list without `baggage`, turns it off.
    public static var propagatesBaggage: Bool { BaggagePropagation.isOn }

    /// Decides ``propagatesBaggage`` from an `OTEL_PROPAGATORS` value as the user wrote it. The bootstrap calls it before
    /// it hands swift-otel a value swift-otel can take (`tracecontext` alone); otherwise the variable is read on first use.
    public static func propagateBaggage(asIn propagators: String?) {
        BaggagePropagation.decided.store(BaggagePropagation.allows(propagators) ? 1 : 2, ordering: .relaxed)
    }
}

/// W3C baggage is the runtime's to propagate (swift-otel propagates trace context only).
enum BaggagePropagation {
    /// 0: not decided yet; 1: on; 2: off.
    static let decided = Atomic<UInt8>(0)

    static var isOn: Bool {
        switch decided.load(ordering: .relaxed) {
        case 1: return true
        case 2: return false
        default:
            InstSwift.propagateBaggage(asIn: getenv("OTEL_PROPAGATORS").map { String(cString: $0) })
            return decided.load(ordering: .relaxed) == 1
        }
    }

    /// Whether an `OTEL_PROPAGATORS` value asks for baggage (nil: the default, which does).
    static func allows(_ propagators: String?) -> Bool {
        guard let propagators else { return true }
        let names = propagators.split(separator: ",").map { String($0.filter { !$0.isWhitespace }).lowercased() }
        return names.contains("baggage") && !names.contains("none")
    }
}

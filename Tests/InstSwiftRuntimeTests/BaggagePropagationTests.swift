@testable import InstSwiftRuntime
import Instrumentation
import Testing

/// W3C baggage is the runtime's to propagate; `OTEL_PROPAGATORS` decides whether it does, as for any propagator.
@Suite struct BaggagePropagationTests {
    @Test(
        arguments: [
            (nil, true),  // unset: the OpenTelemetry default, tracecontext,baggage
            ("tracecontext,baggage", true), (" Baggage ", true), ("b3, baggage", true),
            ("tracecontext", false), ("none", false), ("baggage,none", false), ("", false),
        ] as [(String?, Bool)])
    func otelPropagatorsDecide(_ value: String?, _ propagates: Bool) {
        #expect(BaggagePropagation.allows(value) == propagates)
    }

    @Test func leftOutBaggageIsNeitherReadNorForwarded() {
        defer { InstSwift.propagateBaggage(asIn: nil) }
        let inbound = ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "baggage": "tenant=acme"]
        for (propagators, forwarded) in [("tracecontext", nil), ("tracecontext,baggage", "tenant=acme")] as [(String, String?)] {
            InstSwift.propagateBaggage(asIn: propagators)
            let context = InstSwift.extract(from: inbound)
            var headers: [String: String] = [:]
            InstrumentationContext.$current.withValue(context) { InstSwift.inject(into: &headers) }
            #expect(headers["baggage"] == forwarded, "OTEL_PROPAGATORS=\(propagators)")
        }
    }
}

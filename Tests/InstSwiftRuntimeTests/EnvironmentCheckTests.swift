@testable import InstSwiftOTel
import Testing

/// Values swift-otel stopped the process on (`fatalError`) or spun on: each is replaced before swift-otel reads it.
@Suite struct EnvironmentCheckTests {
    @Test(arguments: ["b3", "b3multi", "jaeger", "xray", "ottrace", "tracecontext, B3", "", "baggage"])
    func unsupportedPropagatorsFallBackToTraceContext(_ value: String) {
        let check = EnvironmentCheck(environment: ["OTEL_PROPAGATORS": value])
        #expect(check.changes["OTEL_PROPAGATORS"] == .some("tracecontext"))
        #expect(check.warnings.count == 1)
        #expect(check.warnings[0].hasPrefix("OTEL_PROPAGATORS='\(value)' is not supported"))
    }

    /// `tracecontext,baggage` is the OpenTelemetry default: trace context is the tracer's, baggage the runtime's.
    @Test(arguments: ["tracecontext", "none", " TraceContext ", "tracecontext,tracecontext", "tracecontext,baggage", "Baggage, tracecontext"])
    func supportedPropagatorsAreKept(_ value: String) {
        let check = EnvironmentCheck(environment: ["OTEL_PROPAGATORS": value])
        #expect(check.warnings.isEmpty)
        #expect((check.changes["OTEL_PROPAGATORS"] ?? .some(value.lowercased())) == .some(value == "none" ? "none" : "tracecontext"))
    }

    @Test func unsupportedPropagatorsBesideBaggageKeepIt() {
        let check = EnvironmentCheck(environment: ["OTEL_PROPAGATORS": "tracecontext,baggage,b3"])
        #expect(check.changes["OTEL_PROPAGATORS"] == .some("tracecontext"))
        #expect(
            check.warnings == [
                "OTEL_PROPAGATORS='tracecontext,baggage,b3' is not supported: only W3C trace context and baggage are propagated, not 'b3'; using tracecontext,baggage"
            ])
    }

    @Test func aMisspeltSpanPipelineIsSaidAndDropped() {
        #expect(EnvironmentCheck(environment: ["INSTSWIFT_SPAN_PIPELINE": "swift-otel"]).warnings.isEmpty)
        #expect(EnvironmentCheck(environment: ["INSTSWIFT_SPAN_PIPELINE": "instswift"]).warnings.isEmpty)
        let check = EnvironmentCheck(environment: ["INSTSWIFT_SPAN_PIPELINE": "swiftotel"])
        #expect(check.changes["INSTSWIFT_SPAN_PIPELINE"] == .some(nil))
        #expect(check.warnings == ["INSTSWIFT_SPAN_PIPELINE='swiftotel' is not supported: it is 'instswift' (the default) or 'swift-otel'; using instswift"])
    }

    @Test func noneWinsOverTheRest() {
        let check = EnvironmentCheck(environment: ["OTEL_PROPAGATORS": "tracecontext,none"])
        #expect(check.changes["OTEL_PROPAGATORS"] == .some("none"))
    }

    @Test(arguments: ["jaeger_remote", "parentbased_jaeger_remote", "xray", "nonsense"])
    func unsupportedSamplersAreRemoved(_ value: String) {
        let check = EnvironmentCheck(environment: ["OTEL_TRACES_SAMPLER": value])
        #expect(check.changes["OTEL_TRACES_SAMPLER"] == .some(nil))
        #expect(check.warnings.first?.contains("parentbased_always_on") == true)
    }

    @Test(arguments: ["2", "-0.5", "half", ""])
    func samplerRatiosOutsideZeroToOneAreRemoved(_ value: String) {
        let check = EnvironmentCheck(environment: ["OTEL_TRACES_SAMPLER": "traceidratio", "OTEL_TRACES_SAMPLER_ARG": value])
        #expect(check.changes.count == 1 && check.changes["OTEL_TRACES_SAMPLER_ARG"] == .some(nil))
    }

    @Test(arguments: ["0", "-1", "many", "1e3"])
    func batchSizesBelowOneAreRemoved(_ value: String) {
        let check = EnvironmentCheck(environment: ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE": value])
        #expect(check.changes["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] == .some(nil))
        #expect(check.warnings.count == 1)
    }

    @Test func aBatchLargerThanTheQueueShrinksToIt() {
        let check = EnvironmentCheck(environment: ["OTEL_BSP_MAX_QUEUE_SIZE": "100", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "500"])
        #expect(check.changes["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] == .some("100"))
        let quiet = EnvironmentCheck(environment: ["OTEL_BSP_MAX_QUEUE_SIZE": "100"])
        #expect(quiet.changes["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] == .some("100") && quiet.warnings.isEmpty)
    }

    @Test func controlCharactersInValuesAreEscapedInWarnings() {
        let check = EnvironmentCheck(environment: ["OTEL_PROPAGATORS": "b3\u{1b}[2J\n"])
        #expect(!check.warnings[0].contains("\u{1b}") && !check.warnings[0].contains("\n"))
    }
}

@testable import InstSwiftOTel
import Testing

/// Values swift-otel stopped the process on (`fatalError`) or spun on: each is replaced before swift-otel reads it.
@Suite struct EnvironmentCheckTests {
    @Test(arguments: ["tracecontext,baggage", "b3", "b3multi", "jaeger", "xray", "ottrace", "tracecontext, B3", ""])
    func unsupportedPropagatorsFallBackToTraceContext(_ value: String) {
        let check = EnvironmentCheck(environment: ["OTEL_PROPAGATORS": value])
        #expect(check.changes["OTEL_PROPAGATORS"] == .some("tracecontext"))
        #expect(check.warnings.count == 1)
        #expect(check.warnings[0].hasPrefix("OTEL_PROPAGATORS='\(value)' is not supported"))
    }

    @Test(arguments: ["tracecontext", "none", " TraceContext ", "tracecontext,tracecontext"])
    func supportedPropagatorsAreKept(_ value: String) {
        let check = EnvironmentCheck(environment: ["OTEL_PROPAGATORS": value])
        #expect(check.warnings.isEmpty)
        #expect((check.changes["OTEL_PROPAGATORS"] ?? .some(value.lowercased())) == .some(value == "none" ? "none" : "tracecontext"))
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

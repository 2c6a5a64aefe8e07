import InstSwiftRuntime
import ServiceContextModule
import Testing

/// With no tracer bootstrapped (as in this test process), injected bodies get a stateless span: it records nothing,
/// but its context is the current one, so code that propagates through `span.context` still carries baggage.
@Suite struct UntracedSpanTests {
    enum TenantKey: ServiceContextKey { typealias Value = String }

    @Test func untracedBodiesSeeTheCurrentContext() async {
        var context = ServiceContext.topLevel
        context[TenantKey.self] = "tenant-7"
        ServiceContext.$current.withValue(context) {
            #expect(InstSwift.span("sync") { span in span.context[TenantKey.self] } == "tenant-7")
            #expect(InstSwift.span("sync") { span in span.isRecording } == false)
        }
        await ServiceContext.$current.withValue(context) {
            let seen = await InstSwift.span("async") { span async in span.context[TenantKey.self] }
            #expect(seen == "tenant-7")
        }
        #expect(InstSwift.span("outside") { span in span.context[TenantKey.self] } == nil)
    }

    @Test func untracedBodiesKeepTheirResultsAndErrors() {
        struct Failure: Error, Equatable {}
        #expect(InstSwift.span("value") { _ in 42 } == 42)
        #expect(throws: Failure()) { try InstSwift.span("throws") { (_) throws(Failure) -> Int in throw Failure() } }
    }
}

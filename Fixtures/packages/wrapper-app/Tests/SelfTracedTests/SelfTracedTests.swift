import SpanPrinting
import Testing
import Tracing
import WrapperLib

/// Tests that set up tracing themselves, after instrumented code ran: `instswift swift test` must not have bootstrapped
/// the process on that code's first span (swift-distributed-tracing stops a process bootstrapped twice).
@Test func bootstrapsItsOwnTracerAfterInstrumentedCodeRan() {
    #expect(Calculator().compute(1) == 4)
    InstrumentationSystem.bootstrap(PrintingTracer())
    #expect(Calculator().compute(4) == 13)
}

/// Stands in for InstSwiftOTel's bootstrap, which the runtime calls on a test process's first span (this package links
/// no exporter): bootstrapping here first is what would stop the process above.
@_cdecl("instswift_otel_bootstrap")
public func standInForTheExportersBootstrap() {
    InstrumentationSystem.bootstrap(PrintingTracer())
}

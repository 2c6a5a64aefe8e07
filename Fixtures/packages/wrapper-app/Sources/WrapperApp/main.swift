import SpanPrinting
import Tracing
import WrapperLib
InstrumentationSystem.bootstrap(PrintingTracer())

func report() -> String {
    let location = "\(#fileID):\(#line)"
    return "result \(Calculator().compute(4)) at \(location)"
}

print(report())
print("isolated to the caller: \(await isolatedToCaller())")
print("nonsending on the caller: \(await nonsendingOnCaller())")

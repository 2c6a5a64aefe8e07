import CBridge
import SpanPrinting
import Tracing

InstrumentationSystem.bootstrap(PrintingTracer())

func square(_ value: Int32) -> Int32 {
    value * value
}

func run() -> Int32 {
    cbridge_sum(4, "squares of evens") { value in square(value) }
}

print("total \(run())")
print("c location \(String(cString: cbridge_location())):\(cbridge_line())")
print("printer \(spanPrintingVersion)")

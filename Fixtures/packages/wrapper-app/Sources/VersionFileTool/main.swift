import Foundation
import Tracing

// The build tool of the VersionFile plugin: writes the file named by its argument. It links Tracing as the package's
// targets do, and names one of its types so the link is real.
let tracer = String(describing: NoOpTracer.self)
try "public let spanPrintingVersion = \"1 (\(tracer))\"\n".write(toFile: CommandLine.arguments[1], atomically: true, encoding: .utf8)

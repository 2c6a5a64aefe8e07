// Reduced from hummingbird-project/hummingbird-auth 2.5.0's tests: `@testable import` of a library that reaches the
// runtime at link time makes its internal `InstSwift` (the support code) visible beside the runtime's, and
// `InstSwift.asyncSpan` is ambiguous; the runtime's `InstSwift` is imported by name too, which takes precedence.
// (In a branch the fixture's compile leaves out: no module here is compiled for testing.)
import Foundation/*<instswift>*/; import InstSwiftRuntime; import enum InstSwiftRuntime.InstSwift/*</instswift>*/
#if INSTSWIFT_FIXTURE_WITH_TESTABLE_HUMMINGBIRD
@testable import Hummingbird
#endif

func greet(_ name: String) async -> String {/*<instswift>*/ return await InstSwift.asyncSpan("greet") { (instswiftSpan) async throws(Never) -> String in /*</instswift>*/
    "hello, \(name)"
/*<instswift>*/}/*</instswift>*/}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/public func a() async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("a") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}
public func b() -> Int { 2 }
func c() async -> Int { 3 }

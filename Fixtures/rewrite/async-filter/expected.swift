/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func fast() -> Int { 1 }
func slow() async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("slow") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/ 2 /*<instswift>*/}/*</instswift>*/}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/public func api() -> Int {/*<instswift>*/ return InstSwift.syncSpan("api") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}
package func shared() -> Int {/*<instswift>*/ return InstSwift.syncSpan("shared") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ 2 /*<instswift>*/}/*</instswift>*/}
func internalHelper() -> Int { 3 }
private func secret() -> Int { 4 }

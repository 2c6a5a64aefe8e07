/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func visible() -> Int {/*<instswift>*/ return InstSwift.syncSpan("visible") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}
func _helper() -> Int { 2 }

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func route(path: String, method: String) -> String {/*<instswift>*/ return InstSwift.syncSpan("route") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/ method + " " + path /*<instswift>*/}/*</instswift>*/}
func route(_ path: String) -> String { path }

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func handleLogin() -> Bool {/*<instswift>*/ return InstSwift.syncSpan("handleLogin") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func handleLogout() -> Bool {/*<instswift>*/ return InstSwift.syncSpan("handleLogout") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func render() -> String { "" }

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func handleLogin() -> Bool {/*<instswift>*/ return InstSwift.syncSpan("handleLogin") { (instswiftSpan) -> Bool in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func handleLogout() -> Bool {/*<instswift>*/ return InstSwift.syncSpan("handleLogout") { (instswiftSpan) -> Bool in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func render() -> String { "" }

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func handleLogin() -> Bool {/*<instswift>*/ return InstSwift.span("handleLogin") { instswiftSpan in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func handleLogout() -> Bool {/*<instswift>*/ return InstSwift.span("handleLogout") { instswiftSpan in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func render() -> String { "" }

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func saveUser() -> Bool {/*<instswift>*/ return InstSwift.syncSpan("saveUser") { (instswiftSpan) -> Bool in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func deleteUser() -> Bool {/*<instswift>*/ return InstSwift.syncSpan("deleteUser") { (instswiftSpan) -> Bool in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func listUsers() -> [String] { [] }

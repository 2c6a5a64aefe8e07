/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func saveUser() -> Bool {/*<instswift>*/ return InstSwift.syncSpan("saveUser") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func deleteUser() -> Bool {/*<instswift>*/ return InstSwift.syncSpan("deleteUser") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func listUsers() -> [String] { [] }

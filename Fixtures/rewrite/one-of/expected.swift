/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func saveUser() -> Bool {/*<instswift>*/ return InstSwift.span("saveUser") { instswiftSpan in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func deleteUser() -> Bool {/*<instswift>*/ return InstSwift.span("deleteUser") { instswiftSpan in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
func listUsers() -> [String] { [] }

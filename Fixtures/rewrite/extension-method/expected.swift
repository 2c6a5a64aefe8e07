/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Account {
    var owner: String
}

extension Account {
    func greeting() -> String {/*<instswift>*/ return InstSwift.syncSpan("Account.greeting") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/
        "Hello, \(owner)"
    /*<instswift>*/}/*</instswift>*/}
}

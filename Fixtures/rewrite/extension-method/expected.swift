/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Account {
    var owner: String
}

extension Account {
    func greeting() -> String {/*<instswift>*/ return InstSwift.span("Account.greeting") { instswiftSpan in /*</instswift>*/
        "Hello, \(owner)"
    /*<instswift>*/}/*</instswift>*/}
}

struct Account {
    var owner: String
}

extension Account {
    func greeting() -> String {
        "Hello, \(owner)"
    }
}

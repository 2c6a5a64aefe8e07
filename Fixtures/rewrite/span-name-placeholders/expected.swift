/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Ledger {
    func transfer(from: String, to: String, amount: Int) -> Bool {/*<instswift>*/ return InstSwift.syncSpan("App/Ledger/transfer(from:to:amount:)@input.swift:2") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/
        from != to && amount > 0
    /*<instswift>*/}/*</instswift>*/}
}

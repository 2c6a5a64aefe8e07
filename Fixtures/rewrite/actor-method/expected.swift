/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/actor Bank {
    var balance = 0

    func deposit(_ amount: Int) async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("Bank.deposit") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/
        balance += amount
        return balance
    /*<instswift>*/}/*</instswift>*/}

    func peek() -> Int {/*<instswift>*/ return InstSwift.syncSpan("Bank.peek") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ balance /*<instswift>*/}/*</instswift>*/}
}

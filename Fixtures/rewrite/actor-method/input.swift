actor Bank {
    var balance = 0

    func deposit(_ amount: Int) async -> Int {
        balance += amount
        return balance
    }

    func peek() -> Int { balance }
}

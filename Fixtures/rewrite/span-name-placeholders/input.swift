struct Ledger {
    func transfer(from: String, to: String, amount: Int) -> Bool {
        from != to && amount > 0
    }
}

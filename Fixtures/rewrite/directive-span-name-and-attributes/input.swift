/// Charges a card.
// instswift:span "payment.charge" payment.amount=amount payment.currency=currency
func charge(amount: Int, currency: String) -> Bool {
    amount > 0 && !currency.isEmpty
}

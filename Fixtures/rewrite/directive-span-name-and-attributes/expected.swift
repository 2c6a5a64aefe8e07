/// Charges a card.
// instswift:span "payment.charge" payment.amount=amount payment.currency=currency
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func charge(amount: Int, currency: String) -> Bool {/*<instswift>*/ return InstSwift.span("payment.charge", attributes: { instswiftSpan in InstSwift.record("payment.amount", amount, on: instswiftSpan); InstSwift.record("payment.currency", currency, on: instswiftSpan) }) { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/
    amount > 0 && !currency.isEmpty
/*<instswift>*/}/*</instswift>*/}

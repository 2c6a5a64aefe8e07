/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/protocol PaymentService {}

struct Stripe: PaymentService {
    func pay() -> Bool {/*<instswift>*/ return InstSwift.syncSpan("Stripe.pay") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/ true /*<instswift>*/}/*</instswift>*/}
}

struct Logger {
    func log() -> Bool { true }
}

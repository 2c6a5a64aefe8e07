protocol PaymentService {}

struct Stripe: PaymentService {
    func pay() -> Bool { true }
}

struct Logger {
    func log() -> Bool { true }
}

// An extension that names a non-copyable type by its qualified name, with methods that return `Self` (hummingbird
// 2.28's `extension HTTP2ServerConnectionManager.StateMachine`): `Self` is the non-copyable type, which the span
// closure cannot return, so those are left alone; its other methods are instrumented.
enum Manager {
    struct Machine: ~Copyable {
        var state: Int
    }
}

extension Manager.Machine {
    static func active(_ state: Int) -> Self { .init(state: state) }
    static var closed: Self { .init(state: 0) }

    func describe() -> String {
        "state \(state)"
    }
}

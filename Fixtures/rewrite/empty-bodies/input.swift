func tight() {}
func spaced() { }
func multiline() {
}
func throwing() throws {}
func asynchronous() async {}
func closingAfterCode() { let _ = 1 }
func withDefault(_ body: () -> Void = {}) { body() }

protocol Named {
    func name() -> String
    func reset()
}

extension Named {
    func reset() {}
}

struct Counter {
    var count = 0
    init() {}
    mutating func bump() throws {}
    var value: Int {
        get { count }
        set {}
    }
    var observed: Int = 0 {
        willSet {}
        didSet {}
    }
    subscript(index: Int) -> Int {
        get { index }
        set {}
    }
}

final class Resource {
    init() {}
    deinit {}
    func close() {}; func open() {}
}

final class Box {}

@resultBuilder
enum Lines {
    static func buildBlock(_ parts: String...) -> [String] { parts }
}

struct Inbox {
    // A 'sending' parameter would be captured by the span closure, and a captured value is no longer disconnected.
    func receive(_ box: sending Box) -> Box {
        box
    }

    // An opaque local: in a closure the compiler sees through its type.
    func receive(count: Int) -> Int {
        let total: some Equatable = count
        _ = total
        return count
    }

    @Lines
    func render() -> [String] {
        "a"
        "b"
    }
}

final class Box {}

@resultBuilder
enum Lines {
    static func buildBlock(_ parts: String...) -> [String] { parts }
}

struct Inbox {
    // A 'sending' parameter would be captured by the span closure, and a captured value is no longer disconnected.
    func receive(_ box: sending Box) -> Box {/*<instswift>*/ Probe.hit(#function); defer { Probe.hit("after") }; /*</instswift>*/
        /*<instswift>*/return /*</instswift>*/box
    }

    // An opaque local: in a closure the compiler sees through its type.
    func receive(count: Int) -> Int {/*<instswift>*/ Probe.hit(#function); defer { Probe.hit("after") }; /*</instswift>*/
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
/*<instswift>*/
// instswift: declarations of rule 'counted'
#sourceLocation(file: "rules.yml", line: 21)
/// Counts the bodies the rule reached.
enum Probe {
    nonisolated(unsafe) static var hits: [String] = []
    static func hit(_ name: String) { hits.append(name) }
}

#sourceLocation()
/*</instswift>*/
struct Failure: Error {}

func attempt() throws(Failure) -> Int { 1 }

// Stores the caught error in a variable of the type the `do` body throws: left alone (ADR 0016).
func handle() {
    var failure: Failure? = nil
    do {
        _ = try attempt()
    } catch {
        failure = error
    }
    if failure != nil { print("failed") }
}

func send(_ reply: String) {/*<instswift>*/ Outcome.observe(reply); /*</instswift>*/
    print(reply)
}
/*<instswift>*/
// instswift: declarations of rule 'outcome-scope'
#sourceLocation(file: "rules.yml", line: 11)
/// Where the other rule reports what a handler sent.
enum Outcome {
    nonisolated(unsafe) static var last: String?
    static func observe(_ reply: String) { last = reply }
}

#sourceLocation()
/*</instswift>*/
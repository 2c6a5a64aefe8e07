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

func send(_ reply: String) {
    print(reply)
}

func work() {/*<instswift>*/ 
#sourceLocation(file: "rules.yml", line: 9)
let started = ContinuousClock.now
defer { print("took", ContinuousClock.now - started) }
#sourceLocation(file: "input.swift", line: 1)
/*</instswift>*/
    print("working")
}

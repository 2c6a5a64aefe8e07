/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/final class Counter {
    private var count = 0

    func increment(by step: Int) -> Int {/*<instswift>*/ return InstSwift.syncSpan("Counter.increment") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
        count += step
        return count
    /*<instswift>*/}/*</instswift>*/}
}

// instswift:ignore
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Hot {
    func run() -> Int { 1 }
}

struct Cold {
    func run() -> Int {/*<instswift>*/ return InstSwift.syncSpan("Cold.run") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ 2 /*<instswift>*/}/*</instswift>*/}
}

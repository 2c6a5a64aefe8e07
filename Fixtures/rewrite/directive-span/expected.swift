// instswift:span
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func checkout(cart: [Int]) -> Int {/*<instswift>*/ return InstSwift.syncSpan("checkout") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    cart.reduce(0, +)
/*<instswift>*/}/*</instswift>*/}

func untouched() -> Int { 0 }

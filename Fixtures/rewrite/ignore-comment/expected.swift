// instswift:ignore
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func hot(_ x: Int) -> Int {
    x + 1
}

func cold(_ x: Int) -> Int {/*<instswift>*/ return InstSwift.syncSpan("cold") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    x - 1
/*<instswift>*/}/*</instswift>*/}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func prepare(_ headers: inout [String: String]) {/*<instswift>*/ return InstSwift.syncSpan("prepare") { (instswiftSpan) throws(Never) -> Void in InstSwift.inject(into: &headers); /*</instswift>*/
    headers["accept"] = "application/json"
/*<instswift>*/}/*</instswift>*/}

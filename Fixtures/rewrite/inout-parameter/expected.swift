/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func normalize(_ values: inout [Double]) {/*<instswift>*/ return InstSwift.syncSpan("normalize") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/
    let total = values.reduce(0, +)
    guard total > 0 else { return }
    for index in values.indices { values[index] /= total }
/*<instswift>*/}/*</instswift>*/}

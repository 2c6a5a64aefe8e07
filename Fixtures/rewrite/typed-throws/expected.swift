/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/enum LookupError: Error { case missing }

func lookup(_ key: String, in table: [String: Int]) throws(LookupError) -> Int {/*<instswift>*/ return try InstSwift.syncSpan("lookup") { (instswiftSpan) throws(LookupError) -> Int in /*</instswift>*/
    guard let value = table[key] else { throw .missing }
    return value
/*<instswift>*/}/*</instswift>*/}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Store { func load(key: String) -> String { key } }

func process(_ keys: [String], store: Store) -> [String] {
    var results: [String] = []
    if !keys.isEmpty {
        for key in keys where key.count > 1 {
            results.append(/*<instswift>*/InstSwift.span("Store.load", kind: .client) { instswiftSpan in /*</instswift>*/store.load(key: key)/*<instswift>*/ }/*</instswift>*/)
        }
    }
    let skipped = keys.filter { $0.isEmpty }.count
    do {
        func helperInBlock() -> Int {/*<instswift>*/ return InstSwift.syncSpan("helperInBlock") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ skipped * 2 /*<instswift>*/}/*</instswift>*/}
        results.append(String(helperInBlock()))
    }
    _ = keys.map { (key: String) -> Int in
        func helperInClosure() -> Int {/*<instswift>*/ return InstSwift.syncSpan("helperInClosure") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ key.count /*<instswift>*/}/*</instswift>*/}
        return helperInClosure()
    }
    return results
}

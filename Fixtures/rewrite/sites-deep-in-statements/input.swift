struct Store { func load(key: String) -> String { key } }

func process(_ keys: [String], store: Store) -> [String] {
    var results: [String] = []
    if !keys.isEmpty {
        for key in keys where key.count > 1 {
            results.append(store.load(key: key))
        }
    }
    let skipped = keys.filter { $0.isEmpty }.count
    do {
        func helperInBlock() -> Int { skipped * 2 }
        results.append(String(helperInBlock()))
    }
    _ = keys.map { (key: String) -> Int in
        func helperInClosure() -> Int { key.count }
        return helperInClosure()
    }
    return results
}

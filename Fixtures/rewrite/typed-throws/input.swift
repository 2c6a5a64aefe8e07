enum LookupError: Error { case missing }

func lookup(_ key: String, in table: [String: Int]) throws(LookupError) -> Int {
    guard let value = table[key] else { throw .missing }
    return value
}

struct BadInput: Error {}
func decode(_ text: String) throws -> Int {
    guard let value = Int(text) else { throw BadInput() }
    return value
}

func tolerant(_ text: String) -> Int {
    (try? decode(text)) ?? 0
}

struct Store {
    var items: [String] = []

    func load(key: String) async throws -> String? {
        try Task.checkCancellation()
        return items.first { $0 == key }
    }
}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Store {
    var items: [String] = []

    func load(key: String) async throws -> String? {/*<instswift>*/ return try await InstSwift.asyncSpan("Store.load") { (instswiftSpan) async throws -> String? in /*</instswift>*/
        try Task.checkCancellation()
        return items.first { $0 == key }
    /*<instswift>*/}/*</instswift>*/}
}

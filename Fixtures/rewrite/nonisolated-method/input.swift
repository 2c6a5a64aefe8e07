actor Cache {
    let name: String
    init(name: String) { self.name = name }

    nonisolated func label() -> String {
        "cache \(name)"
    }

    nonisolated func warm() async {
        await Task.yield()
    }
}

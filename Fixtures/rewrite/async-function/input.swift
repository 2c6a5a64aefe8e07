func fetch(id: Int) async -> String {
    await Task.yield()
    return "item \(id)"
}

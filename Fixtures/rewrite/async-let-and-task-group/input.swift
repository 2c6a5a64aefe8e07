func fanOut() async -> Int {
    async let a = Task.yield()
    await a
    return await withTaskGroup(of: Int.self) { group in
        group.addTask { 1 }
        group.addTask { 2 }
        var total = 0
        for await value in group { total += value }
        return total
    }
}

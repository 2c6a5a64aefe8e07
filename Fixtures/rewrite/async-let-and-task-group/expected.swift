/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func fanOut() async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("fanOut") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/
    async let a = Task.yield()
    await a
    return await withTaskGroup(of: Int.self) { group in
        group.addTask { 1 }
        group.addTask { 2 }
        var total = 0
        for await value in group { total += value }
        return total
    }
/*<instswift>*/}/*</instswift>*/}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func fetch(id: Int) async -> String {/*<instswift>*/ return await InstSwift.asyncSpan("fetch") { (instswiftSpan) async throws(Never) -> String in /*</instswift>*/
    await Task.yield()
    return "item \(id)"
/*<instswift>*/}/*</instswift>*/}

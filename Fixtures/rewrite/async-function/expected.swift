/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func fetch(id: Int) async -> String {/*<instswift>*/ return await InstSwift.asyncSpan("fetch") { (instswiftSpan) async -> String in /*</instswift>*/
    await Task.yield()
    return "item \(id)"
/*<instswift>*/}/*</instswift>*/}

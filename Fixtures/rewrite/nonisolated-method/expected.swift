/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/actor Cache {
    let name: String
    init(name: String) { self.name = name }

    nonisolated func label() -> String {/*<instswift>*/ return InstSwift.syncSpan("Cache.label") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/
        "cache \(name)"
    /*<instswift>*/}/*</instswift>*/}

    nonisolated func warm() async {/*<instswift>*/ return await InstSwift.asyncSpan("Cache.warm") { (instswiftSpan) async throws(Never) -> Void in /*</instswift>*/
        await Task.yield()
    /*<instswift>*/}/*</instswift>*/}
}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Config {
    static func load(path: String) -> Config {/*<instswift>*/ return InstSwift.syncSpan("Config.load") { (instswiftSpan) throws(Never) -> Config in /*</instswift>*/
        Config()
    /*<instswift>*/}/*</instswift>*/}

    func describe() -> String { "config" }
}

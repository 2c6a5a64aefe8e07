struct Config {
    static func load(path: String) -> Config {
        Config()
    }

    func describe() -> String { "config" }
}

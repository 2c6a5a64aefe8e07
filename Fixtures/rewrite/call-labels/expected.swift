/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func fetch(url: String, timeout: Int) -> String { url }
func fetch(url: String) -> String { url }

func load() -> [String] {
    [/*<instswift>*/InstSwift.span("fetch", kind: .client) { instswiftSpan in /*</instswift>*/fetch(url: "a", timeout: 1)/*<instswift>*/ }/*</instswift>*/, fetch(url: "b")]
}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func encode(_ text: String) -> [UInt8] { Array(text.utf8) }
func compress(_ bytes: [UInt8]) -> [UInt8] { bytes }

func pack(_ text: String) -> Int {
    /*<instswift>*/InstSwift.span("compress", kind: .client) { instswiftSpan in /*</instswift>*/compress(/*<instswift>*/InstSwift.span("encode", kind: .client) { instswiftSpan in /*</instswift>*/encode(text)/*<instswift>*/ }/*</instswift>*/)/*<instswift>*/ }/*</instswift>*/.count
}

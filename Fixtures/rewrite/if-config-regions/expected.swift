/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/#if DEBUG
func debugOnly() -> Int {/*<instswift>*/ return InstSwift.span("debugOnly") { instswiftSpan in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}
#endif

func platformName() -> String {/*<instswift>*/ return InstSwift.span("platformName") { instswiftSpan in /*</instswift>*/
    #if os(Linux)
    return "linux"
    #else
    return "other"
    #endif
/*<instswift>*/}/*</instswift>*/}

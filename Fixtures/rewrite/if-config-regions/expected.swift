/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/#if DEBUG
func debugOnly() -> Int {/*<instswift>*/ return InstSwift.syncSpan("debugOnly") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ 1 /*<instswift>*/}/*</instswift>*/}
#endif

func platformName() -> String {/*<instswift>*/ return InstSwift.syncSpan("platformName") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/
    #if os(Linux)
    return "linux"
    #else
    return "other"
    #endif
/*<instswift>*/}/*</instswift>*/}

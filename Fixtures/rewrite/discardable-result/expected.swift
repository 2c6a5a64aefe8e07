/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/@discardableResult
func log(_ message: String) -> Int {/*<instswift>*/ return InstSwift.syncSpan("log") { (instswiftSpan) -> Int in /*</instswift>*/
    message.count
/*<instswift>*/}/*</instswift>*/}

func caller() {/*<instswift>*/ return InstSwift.syncSpan("caller") { (instswiftSpan) -> Void in /*</instswift>*/
    log("hello")
/*<instswift>*/}/*</instswift>*/}

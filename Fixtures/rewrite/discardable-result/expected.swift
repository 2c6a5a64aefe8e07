/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/@discardableResult
func log(_ message: String) -> Int {/*<instswift>*/ return InstSwift.syncSpan("log") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    message.count
/*<instswift>*/}/*</instswift>*/}

func caller() {/*<instswift>*/ return InstSwift.syncSpan("caller") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/
    log("hello")
/*<instswift>*/}/*</instswift>*/}

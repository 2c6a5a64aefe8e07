/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/@discardableResult
func log(_ message: String) -> Int {/*<instswift>*/ return InstSwift.span("log") { (instswiftSpan) -> Int in /*</instswift>*/
    message.count
/*<instswift>*/}/*</instswift>*/}

func caller() {/*<instswift>*/ return InstSwift.span("caller") { (instswiftSpan) -> Void in /*</instswift>*/
    log("hello")
/*<instswift>*/}/*</instswift>*/}

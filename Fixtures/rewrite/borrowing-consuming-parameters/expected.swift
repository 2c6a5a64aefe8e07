/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func measure(_ text: borrowing String) -> Int {/*<instswift>*/ return InstSwift.syncSpan("measure") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    text.count
/*<instswift>*/}/*</instswift>*/}

func keep(_ text: consuming String) -> String {/*<instswift>*/ return InstSwift.syncSpan("keep") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/
    text + "!"
/*<instswift>*/}/*</instswift>*/}

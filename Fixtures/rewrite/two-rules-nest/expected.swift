/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func pay(_ amount: Int) -> Bool {/*<instswift>*/ return InstSwift.syncSpan("outer") { (instswiftSpan) throws(Never) -> Bool in return InstSwift.syncSpan("inner") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/
    amount > 0
/*<instswift>*/}}/*</instswift>*/}

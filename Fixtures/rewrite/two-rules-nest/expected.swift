/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func pay(_ amount: Int) -> Bool {/*<instswift>*/ return InstSwift.syncSpan("outer") { (instswiftSpan) -> Bool in return InstSwift.syncSpan("inner") { (instswiftSpan) -> Bool in /*</instswift>*/
    amount > 0
/*<instswift>*/}}/*</instswift>*/}

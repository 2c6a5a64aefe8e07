/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func pay(_ amount: Int) -> Bool {/*<instswift>*/ return InstSwift.span("outer") { (instswiftSpan) -> Bool in return InstSwift.span("inner") { (instswiftSpan) -> Bool in /*</instswift>*/
    amount > 0
/*<instswift>*/}}/*</instswift>*/}

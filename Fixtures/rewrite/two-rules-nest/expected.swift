/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func pay(_ amount: Int) -> Bool {/*<instswift>*/ return InstSwift.span("outer") { instswiftSpan in return InstSwift.span("inner") { instswiftSpan in /*</instswift>*/
    amount > 0
/*<instswift>*/}}/*</instswift>*/}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/enum Color {
    case red, green

    func name() -> String {/*<instswift>*/ return InstSwift.syncSpan("Color.name") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/
        switch self {
        case .red: return "red"
        case .green: return "green"
        }
    /*<instswift>*/}/*</instswift>*/}
}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/protocol Describable {
    func describe() -> String
}

extension Describable {
    func describe() -> String {/*<instswift>*/ return InstSwift.syncSpan("Describable.describe") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/
        String(describing: self)
    /*<instswift>*/}/*</instswift>*/}
}

// Reduced from OpenAPIKit 6.4.0: inside the span closure, `return required` before a `case` label would parse as a
// bare `return` and a declaration `required case .b:`.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/enum Content {
    case a(required: Bool, open: Int)
    case b

    var required: Bool {/*<instswift>*/ return InstSwift.syncSpan("Content.required") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/
        switch self {
        case .a(required: let required, open: _):
            return required/*<instswift>*/;/*</instswift>*/
        case .b:
            return true
        }
    /*<instswift>*/}/*</instswift>*/}

    func width(indirect: Int) -> Int {/*<instswift>*/ return InstSwift.syncSpan("Content.width") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
        switch self {
        case .a(required: _, let open):
            return open/*<instswift>*/;/*</instswift>*/
        #if DEBUG
        case .b:
            return indirect/*<instswift>*/;/*</instswift>*/
        #else
        case .b:
            return indirect;
        #endif
        }
    /*<instswift>*/}/*</instswift>*/}

    func unchanged(required: Bool) -> Bool {/*<instswift>*/ return InstSwift.syncSpan("Content.unchanged") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/
        if required { return required/*<instswift>*/;/*</instswift>*/ }
        return !required/*<instswift>*/;/*</instswift>*/
    /*<instswift>*/}/*</instswift>*/}
}

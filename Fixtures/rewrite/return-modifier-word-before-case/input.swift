// Reduced from OpenAPIKit 6.4.0: inside the span closure, `return required` before a `case` label would parse as a
// bare `return` and a declaration `required case .b:`.
enum Content {
    case a(required: Bool, open: Int)
    case b

    var required: Bool {
        switch self {
        case .a(required: let required, open: _):
            return required
        case .b:
            return true
        }
    }

    func width(indirect: Int) -> Int {
        switch self {
        case .a(required: _, let open):
            return open
        #if DEBUG
        case .b:
            return indirect
        #else
        case .b:
            return indirect;
        #endif
        }
    }

    func unchanged(required: Bool) -> Bool {
        if required { return required }
        return !required
    }
}

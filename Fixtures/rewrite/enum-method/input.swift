enum Color {
    case red, green

    func name() -> String {
        switch self {
        case .red: return "red"
        case .green: return "green"
        }
    }
}

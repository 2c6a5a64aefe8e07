protocol Describable {
    func describe() -> String
}

extension Describable {
    func describe() -> String {
        String(describing: self)
    }
}

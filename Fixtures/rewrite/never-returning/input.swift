func fail(_ message: String) -> Never {
    fatalError(message)
}

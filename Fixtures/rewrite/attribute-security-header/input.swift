func handle(method: String, authorization: String) -> Int {
    authorization.isEmpty ? 401 : 200
}

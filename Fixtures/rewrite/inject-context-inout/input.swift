func prepare(_ headers: inout [String: String]) {
    headers["accept"] = "application/json"
}

func retry(times: Int, _ body: () -> Bool) -> Bool {
    for _ in 0..<times where body() { return true }
    return false
}

func connect() -> Bool {
    retry(times: 3) { true }
}

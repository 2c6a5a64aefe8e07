func send(_ message: String) -> Bool { !message.isEmpty }

func notify() -> Bool {
    let ok = send("hello")
    return ok
}

@discardableResult
func log(_ message: String) -> Int {
    message.count
}

func caller() {
    log("hello")
}

func twice(_ body: () throws -> Void) rethrows {
    try body()
    try body()
}

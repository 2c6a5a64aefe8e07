struct ParseError: Error {}

func parse(_ text: String) throws -> Int {
    guard let value = Int(text) else { throw ParseError() }
    return value
}

func parseLater(_ text: String) async throws -> Int {
    try parse(text)
}

/// XCTest's shape: a throwing autoclosure the callee runs and checks.
func assertThrows(_ expression: @autoclosure () throws -> Int) {
    _ = try? expression()
}

func assertThrowsAsync(_ expression: () async throws -> Int) async {
    _ = try? await expression()
}

func tryInsideAutoclosure() {
    assertThrows(try parse("x"))
}

func tryOptionalAndForced() -> Int {
    let a = try? parse("1")
    let b = try! parse("2")
    return (a ?? 0) + b
}

func doCatchHandlesEverything() -> Int {
    do {
        return try parse("3")
    } catch {
        return -1
    }
}

func nestedClosures() -> [Int] {
    ["1", "2"].compactMap { text in
        let inner = { () throws -> Int in try parse(text) }
        return try? inner()
    }
}

func asyncTryInsideAutoclosure() async {
    assertThrows(try parse("x"))
    await assertThrowsAsync { try await parseLater("y") }
}

func asyncDoCatch() async -> Int {
    do {
        return try await parseLater("4")
    } catch {
        return 0
    }
}

func throwingWithAutoclosure() throws -> Int {
    assertThrows(try parse("x"))
    return try parse("5")
}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct ParseError: Error {}

func parse(_ text: String) throws -> Int {/*<instswift>*/ return try InstSwift.syncSpan("parse") { (instswiftSpan) throws -> Int in /*</instswift>*/
    guard let value = Int(text) else { throw ParseError() }
    return value
/*<instswift>*/}/*</instswift>*/}

func parseLater(_ text: String) async throws -> Int {/*<instswift>*/ return try await InstSwift.asyncSpan("parseLater") { (instswiftSpan) async throws -> Int in /*</instswift>*/
    try parse(text)
/*<instswift>*/}/*</instswift>*/}

/// XCTest's shape: a throwing autoclosure the callee runs and checks.
func assertThrows(_ expression: @autoclosure () throws -> Int) {/*<instswift>*/ return InstSwift.syncSpan("assertThrows") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/
    _ = try? expression()
/*<instswift>*/}/*</instswift>*/}

func assertThrowsAsync(_ expression: () async throws -> Int) async {/*<instswift>*/ return await InstSwift.asyncSpan("assertThrowsAsync") { (instswiftSpan) async throws(Never) -> Void in /*</instswift>*/
    _ = try? await expression()
/*<instswift>*/}/*</instswift>*/}

func tryInsideAutoclosure() {/*<instswift>*/ return InstSwift.syncSpan("tryInsideAutoclosure") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/
    assertThrows(try parse("x"))
/*<instswift>*/}/*</instswift>*/}

func tryOptionalAndForced() -> Int {/*<instswift>*/ return InstSwift.syncSpan("tryOptionalAndForced") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    let a = try? parse("1")
    let b = try! parse("2")
    return (a ?? 0) + b
/*<instswift>*/}/*</instswift>*/}

func doCatchHandlesEverything() -> Int {/*<instswift>*/ return InstSwift.syncSpan("doCatchHandlesEverything") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    do {
        return try parse("3")
    } catch {
        return -1
    }
/*<instswift>*/}/*</instswift>*/}

func nestedClosures() -> [Int] {/*<instswift>*/ return InstSwift.syncSpan("nestedClosures") { (instswiftSpan) throws(Never) -> [Int] in /*</instswift>*/
    ["1", "2"].compactMap { text in
        let inner = { () throws -> Int in try parse(text) }
        return try? inner()
    }
/*<instswift>*/}/*</instswift>*/}

func asyncTryInsideAutoclosure() async {/*<instswift>*/ return await InstSwift.asyncSpan("asyncTryInsideAutoclosure") { (instswiftSpan) async throws(Never) -> Void in /*</instswift>*/
    assertThrows(try parse("x"))
    await assertThrowsAsync { try await parseLater("y") }
/*<instswift>*/}/*</instswift>*/}

func asyncDoCatch() async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("asyncDoCatch") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/
    do {
        return try await parseLater("4")
    } catch {
        return 0
    }
/*<instswift>*/}/*</instswift>*/}

func throwingWithAutoclosure() throws -> Int {/*<instswift>*/ return try InstSwift.syncSpan("throwingWithAutoclosure") { (instswiftSpan) throws -> Int in /*</instswift>*/
    assertThrows(try parse("x"))
    return try parse("5")
/*<instswift>*/}/*</instswift>*/}

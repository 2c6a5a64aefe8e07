/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func twice(_ body: () throws -> Void) rethrows {/*<instswift>*/ return try InstSwift.rethrowingSpan("twice") { (instswiftSpan) throws -> Void in /*</instswift>*/
    try body()
    try body()
/*<instswift>*/}/*</instswift>*/}

// Reduced from Quick/Nimble 14.0.0: an `async rethrows` body gets the async `rethrowingSpan`.
func eventually<T>(_ poll: () async throws -> T?) async rethrows -> T? {/*<instswift>*/ return try await InstSwift.rethrowingSpan("eventually") { (instswiftSpan) async throws -> T? in /*</instswift>*/
    for _ in 0..<3 {
        if let value = try await poll() { return value }
    }
    return nil
/*<instswift>*/}/*</instswift>*/}

// Reduced from swift-dependencies 1.17.1's `withDependencies`: a body whose value is a `#if` of one expression per
// clause. The span closure's first statement (`_ = isolation`) makes each clause need its `return`.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/public func withValues<R>(
    isolation: isolated (any Actor)? = #isolation,
    operation: () async throws -> R
) async rethrows -> R {/*<instswift>*/ return try await InstSwift.rethrowingSpan("withValues") { (instswiftSpan) async throws -> R in _ = isolation; /*</instswift>*/
    #if DEBUG
        /*<instswift>*/return /*</instswift>*/try await operation()
    #else
        let value = try await operation()
        return value
    #endif
/*<instswift>*/}/*</instswift>*/}

public func nested(isolation: isolated (any Actor)? = #isolation) async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("nested") { (instswiftSpan) async throws(Never) -> Int in _ = isolation; /*</instswift>*/
    #if DEBUG
        #if os(Linux)
            /*<instswift>*/return /*</instswift>*/1
        #else
            /*<instswift>*/return /*</instswift>*/2
        #endif
    #elseif canImport(Darwin)
        /*<instswift>*/return /*</instswift>*/3
    #else
        fatalError("unsupported")
    #endif
/*<instswift>*/}/*</instswift>*/}

public func never(isolation: isolated (any Actor)? = #isolation) async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("never") { (instswiftSpan) async throws(Never) -> Int in _ = isolation; /*</instswift>*/
    fatalError("not yet")
/*<instswift>*/}/*</instswift>*/}

// With NonisolatedNonsendingByDefault every async function not marked `@concurrent` runs on its caller's actor (or its
// own): span bodies take the runtime's `nonsending` entries, except the `@concurrent` function's.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/final class Connection {
    var rows: [String] = []
}

func fetch(_ connection: Connection) async -> Int {/*<instswift>*/ return await InstSwift.nonsendingAsyncSpan("fetch") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/ connection.rows.count /*<instswift>*/}/*</instswift>*/}

func query(_ connection: Connection) async -> Int {/*<instswift>*/ return await InstSwift.nonsendingAsyncSpan("query") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/
    await /*<instswift>*/InstSwift.nonsendingSpan("fetch", kind: .client) { instswiftSpan in await /*</instswift>*/fetch(connection)/*<instswift>*/ }/*</instswift>*/
/*<instswift>*/}/*</instswift>*/}

nonisolated func named(_ connection: Connection) async throws -> Int {/*<instswift>*/ return try await InstSwift.nonsendingAsyncSpan("named") { (instswiftSpan) async throws -> Int in return try await InstSwift.nonsendingSpan("named", kind: .client) { (instswiftSpan) async throws -> Int in /*</instswift>*/
    let count = await /*<instswift>*/InstSwift.nonsendingSpan("fetch", kind: .client) { instswiftSpan in await /*</instswift>*/fetch(connection)/*<instswift>*/ }/*</instswift>*/
    let later = await Task { 1 }.value
    return count + later
/*<instswift>*/}}/*</instswift>*/}

func reduce<T>(_ values: [T], _ combine: (T, T) async throws -> T) async rethrows -> T? {/*<instswift>*/ return try await InstSwift.nonsendingRethrowingSpan("reduce") { (instswiftSpan) async throws -> T? in /*</instswift>*/
    guard var result = values.first else { return nil }
    for value in values.dropFirst() { result = try await combine(result, value) }
    return result
/*<instswift>*/}/*</instswift>*/}

@concurrent func concurrentWork(_ count: Int) async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("concurrentWork") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/ count * 2 /*<instswift>*/}/*</instswift>*/}

@concurrent func sendsToConcurrent(_ count: Int) async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("sendsToConcurrent") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/ await concurrentWork(count) /*<instswift>*/}/*</instswift>*/}

// Reduced from swift-dependencies 1.17.1's tests: `@concurrent` written under `#if`.
class Base {
    #if compiler(>=6.2)
        @concurrent
    #endif
    func setUp() async throws {/*<instswift>*/ return try await InstSwift.asyncSpan("Base.setUp") { (instswiftSpan) async throws -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
}

final class Derived: Base {
    #if compiler(>=6.2)
        @concurrent
    #endif
    override func setUp() async throws {/*<instswift>*/ return try await InstSwift.asyncSpan("Derived.setUp") { (instswiftSpan) async throws -> Void in /*</instswift>*/
        try await super.setUp()
    /*<instswift>*/}/*</instswift>*/}
}

func syncWork(_ count: Int) -> Int {/*<instswift>*/ return InstSwift.syncSpan("syncWork") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ count /*<instswift>*/}/*</instswift>*/}

actor Store {
    var connection = Connection()
    func count() async -> Int {/*<instswift>*/ return await InstSwift.nonsendingAsyncSpan("Store.count") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/ await /*<instswift>*/InstSwift.nonsendingSpan("fetch", kind: .client) { instswiftSpan in await /*</instswift>*/fetch(connection)/*<instswift>*/ }/*</instswift>*/ /*<instswift>*/}/*</instswift>*/}
}

@MainActor func onMain(_ connection: Connection) async -> Int {/*<instswift>*/ return await InstSwift.nonsendingAsyncSpan("onMain") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/ await /*<instswift>*/InstSwift.nonsendingSpan("fetch", kind: .client) { instswiftSpan in await /*</instswift>*/fetch(connection)/*<instswift>*/ }/*</instswift>*/ /*<instswift>*/}/*</instswift>*/}

struct Reader {
    var size: Int {
        get async {/*<instswift>*/ return await InstSwift.nonsendingAsyncSpan("Reader.size") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/ 3 /*<instswift>*/}/*</instswift>*/}
    }
}

/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Failure: Error {}

func fetchOne(url: String) async throws -> Int {/*<instswift>*/ return try await ResponseObserver.observe(url, "fetchOne") { () async throws -> Int in return try await InstSwift.asyncSpan("fetchOne") { (instswiftSpan) async throws -> Int in /*</instswift>*/
    if url.isEmpty { throw Failure() }
    return url.count
/*<instswift>*/}}/*</instswift>*/}

func fetchTwo(url: String) async -> String {/*<instswift>*/ return await ResponseObserver.observe(url, "fetchTwo") { () async throws(Never) -> String in /*</instswift>*/ url.uppercased() /*<instswift>*/}/*</instswift>*/}

func unrelated() -> Int { 1 }
/*<instswift>*/
// instswift: declarations of rule 'observe-fetch'
#sourceLocation(file: "rules.yml", line: 9)
/// Runs a fetch and sees its result (declared once, however many functions the rule matches).
enum ResponseObserver {
    static func observe<T>(_ url: String, _ name: String, _ body: () async throws -> T) async rethrows -> T {
        let result = try await body()
        print(name, url)
        return result
    }
}

#sourceLocation()
/*</instswift>*/
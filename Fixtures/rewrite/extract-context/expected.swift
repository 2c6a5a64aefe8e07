/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Request {
    var method: String
    var path: String
    var headers: [String: String]
}

func handle(_ request: Request) async throws -> Int {/*<instswift>*/ return try await InstSwift.span("handle", kind: .server, context: InstSwift.extract(from: request.headers), attributes: { instswiftSpan in InstSwift.record("http.request.method", request.method, on: instswiftSpan); InstSwift.record("url.path", request.path, on: instswiftSpan) }) { (instswiftSpan) async throws -> Int in /*</instswift>*/
    await Task.yield()
    return 200
/*<instswift>*/}/*</instswift>*/}

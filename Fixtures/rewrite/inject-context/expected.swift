/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct OutgoingRequest {
    var url: String
    var headers: [String: String] = [:]
}

func send(_ request: OutgoingRequest) async -> Int {/*<instswift>*/ return await InstSwift.span("send", kind: .client) { (instswiftSpan) async throws(Never) -> Int in var request = request; InstSwift.inject(into: &request.headers); /*</instswift>*/
    await Task.yield()
    return request.headers.count
/*<instswift>*/}/*</instswift>*/}
